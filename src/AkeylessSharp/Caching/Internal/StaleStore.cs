using System.Diagnostics.CodeAnalysis;

namespace AkeylessSharp.Caching.Internal;

/// <summary>
/// The last known value of each key, kept until its expiry plus its stale allowance, for stale-if-error. It lives in
/// this process and knows what this instance fetched or read; a shared cache that keeps stale copies
/// (<see cref="IStaleSecretCache"/>) answers for the rest of the fleet.
/// </summary>
internal sealed class StaleStore(TimeProvider timeProvider)
{
    /// <summary>
    /// How long a hit keeps a value known fresh without renewing it: its stale allowance then starts up to this much
    /// before the last hit (it is served stale at most a second less, never longer).
    /// </summary>
    internal static readonly TimeSpan RenewInterval = TimeSpan.FromSeconds(1);

    private readonly ExpiringMap<Entry> _map = new(timeProvider);

    public int Count => _map.Count;

    /// <summary>Remembers a value fetched now that is fresh for <paramref name="ttl"/>.</summary>
    public void RecordFetch(string key, string value, TimeSpan ttl, TimeSpan staleFor)
    {
        if (staleFor <= TimeSpan.Zero)
        {
            _map.Remove(key);
            return;
        }

        long freshUntil = _map.After(ttl);
        _map.Set(key, new Entry(value, freshUntil), _map.Add(freshUntil, staleFor));
    }

    /// <summary>
    /// Remembers a value read from a shared cache, known fresh now; skipped when already known fresh for longer or seen
    /// fresh less than <see cref="RenewInterval"/> ago, so a stream of hits renews a key at most once a second.
    /// </summary>
    public void RecordHit(string key, string value, TimeSpan staleFor)
    {
        long now = _map.Now;
        if (_map.TryGet(key, now, out var known)
            && _map.Add(known.FreshUntil, RenewInterval) > now
            && string.Equals(known.Value, value, StringComparison.Ordinal))
        {
            return;
        }

        _map.Set(key, new Entry(value, now), _map.Add(now, staleFor));
    }

    /// <summary>Gets the last known value if it is still within its stale allowance, and how far past its expiry it is.</summary>
    public bool TryGet(string key, [NotNullWhen(true)] out string? value, out TimeSpan staleness)
    {
        long now = _map.Now;
        if (_map.TryGet(key, now, out var entry))
        {
            value = entry.Value;
            staleness = now > entry.FreshUntil ? _map.Elapsed(entry.FreshUntil, now) : TimeSpan.Zero;
            return true;
        }

        value = null;
        staleness = default;
        return false;
    }

    /// <summary>Forgets every key of <paramref name="path"/>: the item is gone, so none of its values may be served.</summary>
    public void RemovePath(string path) => _map.RemoveWithVariants(path, SecretCacheKey.Separator);

    public void Remove(string key) => _map.Remove(key);

    public void Clear() => _map.Clear();

    // A struct, stored inside the map's node: no object of its own per key.
    private readonly record struct Entry(string Value, long FreshUntil)
    {
        public override string ToString() => "StaleEntry (value redacted)";
    }
}
