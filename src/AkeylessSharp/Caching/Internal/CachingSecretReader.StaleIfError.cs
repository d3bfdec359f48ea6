namespace AkeylessSharp.Caching.Internal;

internal sealed partial class CachingSecretReader
{
    private readonly StaleStore? _stale;

    // The keys other than the bare path stored (versions, JSON attributes, producer arguments), so a write or a not-found
    // can evict them all; an ISecretCache has no prefix removal. Each is kept as long as the cache may hold its entry, no
    // longer: a process reading ever new variants must not remember them all.
    private readonly ExpiringMap<byte> _variants;

    /// <summary>Gets how many variant keys are remembered; for tests.</summary>
    internal int VariantCount => _variants.Count;

    /// <summary>
    /// Forgets every cached and last known value of <paramref name="path"/>: after a write, or when it is gone. Akeyless
    /// reads a path with or without its leading <c>/</c> as the same item, and values are cached under the path as read,
    /// so both spellings are forgotten.
    /// </summary>
    public async ValueTask InvalidatePathAsync(string path)
    {
        await InvalidateSpellingAsync(path).ConfigureAwait(false);
        if (SecretCacheKey.OtherSpelling(path) is { } other)
        {
            await InvalidateSpellingAsync(other).ConfigureAwait(false);
        }
    }

    private async ValueTask InvalidateSpellingAsync(string path)
    {
        SupersedeInflight(path);
        _stale?.RemovePath(path);
        await EndEpochAsync(path).ConfigureAwait(false);
        await RemoveQuietlyAsync(path).ConfigureAwait(false);
        foreach (string key in _variants.RemoveVariants(path, SecretCacheKey.Separator))
        {
            await RemoveQuietlyAsync(key).ConfigureAwait(false);
        }
    }

    /// <summary>Caches a fetched value for its time to live and remembers it for stale-if-error.</summary>
    private async ValueTask StoreAsync(string key, CacheableValue fetched)
    {
        if (fetched.Ttl > TimeSpan.Zero)
        {
            try
            {
                // A shared cache keeps the stale allowance too, so any instance can answer an outage with this value.
                if (_stale is not null && fetched.StaleFor > TimeSpan.Zero && _cache is IStaleSecretCache shared)
                {
                    await shared.SetAsync(key, fetched.Value, fetched.Ttl, fetched.StaleFor, CancellationToken.None).ConfigureAwait(false);
                }
                else
                {
                    await _cache.SetAsync(key, fetched.Value, fetched.Ttl).ConfigureAwait(false);
                }

                if (key.Contains(SecretCacheKey.Separator, StringComparison.Ordinal))
                {
                    _variants.Set(key, 0, _variants.After(fetched.Ttl + fetched.StaleFor));
                }
            }
#pragma warning disable CA1031 // A broken cache must not fail a read whose value is already fetched.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.CacheOperationFailed(_logger, "set", key, ex);
            }
        }

        _stale?.RecordFetch(key, fetched.Value, fetched.Ttl, fetched.StaleFor);
    }

    /// <summary>
    /// Answers an Akeyless outage (5xx, timeout, network) with the last known value within its allowance, or
    /// <see langword="null"/>. A shared cache that keeps stale copies (<see cref="IStaleSecretCache"/>) is the fleet's
    /// memory and has the last word while it answers: a path another instance found deleted, or a cleared cache, has no
    /// stale value anywhere. This instance's own memory answers only while the shared cache does not. Every stale answer
    /// is logged and counted.
    /// </summary>
    private async ValueTask<string?> ServeStaleAsync(string key, Exception failure)
    {
        if (_stale is null || !TransientFailure.Is(failure))
        {
            return null;
        }

        if (_cache is IStaleSecretCache { IsAvailable: true } shared)
        {
            var (answered, entry) = await GetSharedStaleAsync(shared, key).ConfigureAwait(false);
            if (answered)
            {
                var staleness = _time.GetUtcNow() - entry?.FreshUntil;
                return entry is not null && staleness <= _options.MaxStale ? OnStaleServed(key, entry.Value, staleness.Value, failure) : null;
            }
        }

        return _stale.TryGet(key, out string? value, out var localStaleness) ? OnStaleServed(key, value, localStaleness, failure) : null;
    }

    /// <summary>Asks the shared cache for a stale copy; <c>answered</c> is false when it failed to answer.</summary>
    private async ValueTask<(bool Answered, SecretCacheEntry? Entry)> GetSharedStaleAsync(IStaleSecretCache shared, string key)
    {
        try
        {
            var entry = await shared.GetStaleAsync(key).ConfigureAwait(false);
            return (shared.IsAvailable, entry);
        }
#pragma warning disable CA1031 // A broken cache only means this instance's own memory answers instead.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.CacheOperationFailed(_logger, "get-stale", key, ex);
            return (false, null);
        }
    }

    /// <summary>When a read was last answered with a stale value because Akeyless failed; for the health check.</summary>
    public DateTimeOffset? LastStaleServedAt { get; private set; }

    private string OnStaleServed(string key, string value, TimeSpan staleness, Exception failure)
    {
        LastStaleServedAt = _time.GetUtcNow();
        Log.StaleServed(_logger, key, staleness > TimeSpan.Zero ? staleness : TimeSpan.Zero, failure);
        _metrics?.StaleServed.Add(1);
        return value;
    }

    /// <summary>The item is gone: drop its cached values and every last known value of its path, so none is ever served.</summary>
    private async ValueTask EvictAsync(string key)
    {
        await InvalidatePathAsync(SecretCacheKey.PathOf(key)).ConfigureAwait(false);
        await RemoveQuietlyAsync(key).ConfigureAwait(false);
        _metrics?.Evictions.Add(1);
        Log.Evicted(_logger, key);
    }

    private async ValueTask RemoveQuietlyAsync(string key)
    {
        try
        {
            await _cache.RemoveAsync(key).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A failed removal only costs an expiry wait; it must not replace the caller's outcome.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.CacheOperationFailed(_logger, "remove", key, ex);
        }
    }
}
