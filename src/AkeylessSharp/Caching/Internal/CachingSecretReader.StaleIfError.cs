using System.Diagnostics.CodeAnalysis;

namespace AkeylessSharp.Caching.Internal;

internal sealed partial class CachingSecretReader
{
    private readonly StaleStore? _stale;

    /// <summary>Caches a fetched value for its time to live and remembers it for stale-if-error.</summary>
    private async ValueTask StoreAsync(string key, CacheableValue fetched)
    {
        if (fetched.Ttl > TimeSpan.Zero)
        {
            try
            {
                await _cache.SetAsync(key, fetched.Value, fetched.Ttl).ConfigureAwait(false);
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

    /// <summary>The item is gone: drop the cached value and every last known value of its path, so none is ever served.</summary>
    private async ValueTask EvictAsync(string key)
    {
        _stale?.RemovePath(SecretCacheKey.PathOf(key));
        try
        {
            await _cache.RemoveAsync(key).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The not-found still reaches the caller; a failed removal only costs an expiry wait.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.CacheOperationFailed(_logger, "remove", key, ex);
        }

        _metrics?.Evictions.Add(1);
        Log.Evicted(_logger, key);
    }
}
