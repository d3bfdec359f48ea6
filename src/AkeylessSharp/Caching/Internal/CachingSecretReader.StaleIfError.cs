using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace AkeylessSharp.Caching.Internal;

internal sealed partial class CachingSecretReader
{
    private readonly StaleStore? _stale;

    // The keys other than the bare path stored per path (versions, JSON attributes, producer arguments), so a write or a
    // not-found can evict them all; an ISecretCache has no prefix removal.
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _variants = new(StringComparer.Ordinal);

    /// <summary>Forgets every cached and last known value of <paramref name="path"/>: after a write, or when it is gone.</summary>
    public async ValueTask InvalidatePathAsync(string path)
    {
        _stale?.RemovePath(path);
        await RemoveQuietlyAsync(path).ConfigureAwait(false);
        if (_variants.TryRemove(path, out var keys))
        {
            foreach (string key in keys.Keys)
            {
                await RemoveQuietlyAsync(key).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Caches a fetched value for its time to live and remembers it for stale-if-error.</summary>
    private async ValueTask StoreAsync(string key, CacheableValue fetched)
    {
        if (fetched.Ttl > TimeSpan.Zero)
        {
            try
            {
                await _cache.SetAsync(key, fetched.Value, fetched.Ttl).ConfigureAwait(false);
                string path = SecretCacheKey.PathOf(key);
                if (path.Length != key.Length)
                {
                    _variants.GetOrAdd(path, static _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal))[key] = 0;
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
    /// Answers an Akeyless outage (5xx, timeout, network) with the last known value, if it is within its allowance.
    /// Logs and counts every stale answer.
    /// </summary>
    private bool TryServeStale(string key, Exception failure, [NotNullWhen(true)] out string? value)
    {
        value = null;
        if (_stale is null || !TransientFailure.Is(failure) || !_stale.TryGet(key, out value, out var staleness))
        {
            return false;
        }

        Log.StaleServed(_logger, key, staleness, failure);
        _metrics?.StaleServed.Add(1);
        return true;
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
