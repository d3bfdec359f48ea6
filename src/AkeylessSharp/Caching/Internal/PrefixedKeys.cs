using System.Collections.Concurrent;

namespace AkeylessSharp.Caching.Internal;

/// <summary>
/// A cache's keys with its prefix in front, each built once instead of concatenated (and allocated) on every read.
/// Remembers at most <see cref="Capacity"/> keys; past that a key is concatenated per call.
/// </summary>
internal sealed class PrefixedKeys(string prefix)
{
    public const int Capacity = 10_000;

    // The default comparer (not StringComparer.Ordinal) keeps the runtime's fast non-randomized string hashing.
    private readonly ConcurrentDictionary<string, string> _keys = new();
    private int _count;

    public string For(string key)
    {
        if (prefix.Length == 0)
        {
            return key;
        }

        if (_keys.TryGetValue(key, out string? prefixed))
        {
            return prefixed;
        }

        prefixed = string.Concat(prefix, key);
        if (Volatile.Read(ref _count) < Capacity && _keys.TryAdd(key, prefixed))
        {
            Interlocked.Increment(ref _count);
        }

        return prefixed;
    }
}
