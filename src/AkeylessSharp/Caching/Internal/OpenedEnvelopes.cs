using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace AkeylessSharp.Caching.Internal;

/// <summary>
/// The values of the encrypted envelopes a cache hands back, each decrypted once. An envelope is an immutable string the
/// cache returns as the same instance on every hit, so the value is keyed by that instance: it lives exactly as long as
/// the cache keeps the envelope and needs no invalidation of its own (a replaced, removed or expired entry's envelope is
/// never handed back again).
/// </summary>
internal sealed class OpenedEnvelopes
{
    private readonly ConditionalWeakTable<string, Opened> _opened = new();

    /// <summary>Gets the value of an envelope already opened for <paramref name="key"/>, the key its authenticated data names.</summary>
    public bool TryGet(string envelope, string key, [NotNullWhen(true)] out string? value)
    {
        if (_opened.TryGetValue(envelope, out var opened) && string.Equals(opened.Key, key, StringComparison.Ordinal))
        {
            value = opened.Value;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>Remembers the value of an envelope decrypted, or just encrypted, for <paramref name="key"/>.</summary>
    public void Add(string envelope, string key, string value) => _opened.AddOrUpdate(envelope, new Opened(key, value));

    private sealed class Opened(string key, string value)
    {
        public string Key { get; } = key;

        public string Value { get; } = value;

        public override string ToString() => $"Opened envelope of {Key} (value redacted)";
    }
}
