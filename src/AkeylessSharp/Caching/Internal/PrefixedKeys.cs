using AkeylessSharp.Internal;

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

    private readonly BoundedMemo<string>? _keys = prefix.Length == 0 && compose is null
        ? null
        : new(Capacity, key => compose is null ? string.Concat(prefix, key) : compose(prefix, key));

    public string For(string key) => _keys is null ? key : _keys.For(key);
}
