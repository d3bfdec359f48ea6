using System.Security.Cryptography;

namespace AkeylessSharp.Caching.Internal;

/// <remarks>
/// A write or a not-found evicts a path's whole value by its key, but its other keys (versions, JSON attributes, a rotated
/// secret's) only by the keys this instance stored: in a cache shared by a fleet, those another instance stored would
/// outlive a write or delete, through any instance, until their time to live. So there, each such key is stored under its
/// path's current epoch, a random id kept in the shared cache beside the path; invalidating a path removes its epoch, and
/// every instance's next read of any of those keys misses. It costs such a read one more lookup; whole values and the
/// in-process cache pay nothing. Dynamic secrets keep their own keys: a lease outlives any epoch, and ending it early
/// would issue new credentials.
/// </remarks>
internal sealed partial class CachingSecretReader
{
    private const string EpochSuffix = "\u001fepoch";

    // The epoch of each path this instance last used, for while the shared cache cannot answer: its own last known
    // values, kept for stale-if-error under keys of that epoch, then still answer an Akeyless outage.
    private readonly ExpiringMap<string> _epochs;

    /// <summary>Whether keys of <paramref name="kind"/> are stored under their path's epoch: only in a cache shared by a fleet.</summary>
    private bool InEpochs(SecretKind kind) => _recordHits && (kind is SecretKind.Static or SecretKind.Rotated) && Ttl.Caches(kind);

    /// <summary>
    /// Reads a value under <paramref name="key"/>, a key of <see cref="SecretCacheKey"/>: as <see cref="GetAsync"/> does,
    /// but one other than a bare path, in a shared cache, under its path's epoch. A method of its own, so that the hit
    /// paths of whole values do not look at their keys.
    /// </summary>
    public ValueTask<string> GetKeyedAsync<TState>(
        string key,
        SecretKind kind,
        bool refresh,
        TState state,
        Func<TState, CancellationToken, Task<CacheableValue>> fetch,
        CancellationToken cancellationToken) =>
        _enabled && InEpochs(kind) && key.Contains(SecretCacheKey.Separator, StringComparison.Ordinal)
            ? GetInEpochAsync(key, kind, refresh, state, fetch, cancellationToken)
            : GetAsync(key, kind, refresh, state, fetch, cancellationToken);

    private async ValueTask<string> GetInEpochAsync<TState>(
        string key,
        SecretKind kind,
        bool refresh,
        TState state,
        Func<TState, CancellationToken, Task<CacheableValue>> fetch,
        CancellationToken cancellationToken)
    {
        string inEpoch = await InEpochAsync(key, cancellationToken).ConfigureAwait(false);
        if (!refresh && await LookupQuietlyAsync(inEpoch, cancellationToken).ConfigureAwait(false) is { } hit)
        {
            OnHit(inEpoch, kind, hit);
            return hit;
        }

        return await Miss(inEpoch, kind, refresh, state, fetch, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The key in its path's current epoch, starting one when there is none (or, while the shared cache cannot answer,
    /// the epoch this instance last used). Resolved before the value is fetched: a write that lands meanwhile removes
    /// this epoch, so what the fetch stores under it is never read.
    /// </summary>
    private async ValueTask<string> InEpochAsync(string key, CancellationToken cancellationToken)
    {
        string path = SecretCacheKey.PathOf(key);
        string epochKey = string.Concat(path, EpochSuffix);
        string? epoch = await LookupQuietlyAsync(epochKey, cancellationToken).ConfigureAwait(false);
        if (epoch is null && !(_cache is IStaleSecretCache { IsAvailable: false } && _epochs.TryGet(path, out epoch)))
        {
            epoch = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes((SecretCacheKey.EpochSegmentLength - 3) / 2));
            await SetQuietlyAsync(epochKey, epoch, EpochLifetime()).ConfigureAwait(false);
        }

        if (!_epochs.TryGet(path, out string? last) || !string.Equals(last, epoch, StringComparison.Ordinal))
        {
            _epochs.Set(path, epoch, _epochs.After(EpochLifetime()));
        }

        return SecretCacheKey.InEpoch(key, epoch);
    }

    /// <summary>Resolves the keys of a bulk read of static secrets to their epochs, looked up together.</summary>
    private async Task<string[]> InEpochsAsync(string[] keys, CancellationToken cancellationToken)
    {
        var resolving = new Task<string>?[keys.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            resolving[i] = keys[i].Contains(SecretCacheKey.Separator, StringComparison.Ordinal) ? InEpochAsync(keys[i], cancellationToken).AsTask() : null;
        }

        var resolved = new string[keys.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            resolved[i] = resolving[i] is { } pending ? await pending.ConfigureAwait(false) : keys[i];
        }

        return resolved;
    }

    /// <summary>Ends the epoch of <paramref name="path"/>: every instance's variants of it are misses from now on.</summary>
    private ValueTask EndEpochAsync(string path)
    {
        _epochs.Remove(path);
        return InEpochs(SecretKind.Static) || InEpochs(SecretKind.Rotated) ? RemoveQuietlyAsync(string.Concat(path, EpochSuffix)) : ValueTask.CompletedTask;
    }

    // Twice the longest life of an entry under it: one stored late in the epoch is not cut short. An epoch that ends
    // anyway only costs its entries a fetch.
    private TimeSpan EpochLifetime()
    {
        var ttl = _options.StaticSecretTtl > _options.RotatedSecretTtl ? _options.StaticSecretTtl : _options.RotatedSecretTtl;
        var stale = _options.StaleIfError ? _options.MaxStale : TimeSpan.Zero;
        return ttl < TimeSpan.MaxValue / 4 && stale < TimeSpan.MaxValue / 4 ? (ttl + stale) * 2 : TimeSpan.MaxValue;
    }

    private async ValueTask SetQuietlyAsync(string key, string value, TimeSpan ttl)
    {
        try
        {
            await _cache.SetAsync(key, value, ttl).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // An epoch not stored is started again by the next read: a miss, not a failed read.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.CacheOperationFailed(_logger, "set", key, ex);
        }
    }
}
