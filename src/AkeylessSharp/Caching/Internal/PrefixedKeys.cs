using System.Collections.Concurrent;

namespace AkeylessSharp.Caching.Internal;

/// <summary>
/// A cache's keys with its prefix in front, each built once instead of concatenated (and allocated) on every read.
/// Remembers at most <see cref="Capacity"/> keys; past that a key is built per call.
/// </summary>
/// <param name="prefix">The prefix.</param>
/// <param name="compose">Builds a prefixed key from the prefix and a key; <see langword="null"/> concatenates them.</param>
internal sealed class PrefixedKeys(string prefix, Func<string, string, string>? compose = null)
{
    public const int Capacity = 10_000;

    // The default comparer (not StringComparer.Ordinal) keeps the runtime's fast non-randomized string hashing.
    private readonly ConcurrentDictionary<string, string> _keys = new();
    private int _count;

    public string For(string key)
    {
        if (prefix.Length == 0 && compose is null)
        {
            return key;
        }

        if (_keys.TryGetValue(key, out string? prefixed))
        {
            return prefixed;
        }

        prefixed = compose is null ? string.Concat(prefix, key) : compose(prefix, key);
        if (Volatile.Read(ref _count) < Capacity && _keys.TryAdd(key, prefixed))
        {
            Interlocked.Increment(ref _count);
        }

        return prefixed;
    }
}
