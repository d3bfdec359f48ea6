using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AkeylessSharp.Caching.Internal;

/// <summary>
/// Everything between a secret read and Akeyless: hits from the <see cref="ISecretCache"/>, misses coalesced per key
/// (<c>.Stampede.cs</c>), static misses micro-batched (<c>.Batching.cs</c>), failures answered with the last known
/// value within its allowance and not-founds evicted (<c>.StaleIfError.cs</c>).
/// </summary>
/// <remarks>
/// The client owns one reader and hands it the fetch delegates; the reader knows nothing of HTTP or tokens.
/// A hit on a synchronous cache (<see cref="MemorySecretCache"/>) completes synchronously and allocates nothing.
/// </remarks>
internal sealed partial class CachingSecretReader
{
    private readonly ISecretCache _cache;

    // The default cache, read directly: no interface call, no ValueTask, no exception handler on the hit path.
    private readonly MemorySecretCache? _memory;
    private readonly AkeylessCacheOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CacheMetrics? _metrics;
    private readonly bool _enabled;

    // Hits from a shared cache feed the stale store: this instance may never have fetched those values itself.
    private readonly bool _recordHits;

    public CachingSecretReader(
        ISecretCache cache,
        AkeylessCacheOptions options,
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, string>>> batchFetch,
        TimeProvider? timeProvider = null,
        ILogger? logger = null,
        CacheMetrics? metrics = null,
        ISecretFetchLock? fetchLock = null,
        Func<Task?>? whenSendable = null,
        TimeSpan? callTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(batchFetch);
        AkeylessCacheOptionsValidator.EnsureValid(options);
        _cache = cache;
        _memory = cache as MemorySecretCache;
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _metrics = metrics;
        _enabled = options.Enabled;
        _batchFetch = batchFetch;
        _batching = options.BatchingEnabled;
        _callTimeout = callTimeout ?? Timeout.InfiniteTimeSpan;
        _batcher = new SecretBatcher(batchFetch, _time, options.BatchWindow, options.MaxBatchSize, _logger, metrics, whenSendable);
        _stale = options.StaleIfError && options.MaxStale > TimeSpan.Zero ? new StaleStore(_time) : null;
        _variants = new ExpiringMap<byte>(_time);
        _epochs = new ExpiringMap<string>(_time);
        _recordHits = cache is not MemorySecretCache;

        // Only a cache shared by the fleet can carry the lock holder's value to the others.
        _fleetLock = fetchLock is null || cache is MemorySecretCache ? null : new FleetFetchLock(fetchLock, options, _time, _logger, metrics);
        Ttl = new SecretTtlPolicy(options, _time);
    }

    /// <summary>The lifetimes by secret type, for the fetch delegates to build their <see cref="CacheableValue"/>.</summary>
    public SecretTtlPolicy Ttl { get; }

    /// <summary>The cache in use.</summary>
    public ISecretCache Cache => _cache;

    /// <summary>
    /// Reads the value under <paramref name="key"/>: from the cache unless <paramref name="refresh"/>, otherwise through one
    /// shared call of <paramref name="fetch"/> whose result is cached (refresh overwrites).
    /// </summary>
    /// <typeparam name="TState">The fetch's state, passed by value so a hit allocates nothing.</typeparam>
    public ValueTask<string> GetAsync<TState>(
        string key,
        SecretKind kind,
        bool refresh,
        TState state,
        Func<TState, CancellationToken, Task<CacheableValue>> fetch,
        CancellationToken cancellationToken)
    {
        if (!_enabled)
        {
            return new ValueTask<string>(FetchUncachedAsync(state, fetch, cancellationToken));
        }

        if (!refresh)
        {
            if (_memory is not null)
            {
                if (_memory.TryGet(key, out string cached))
                {
                    OnHit(key, kind, cached);
                    return new ValueTask<string>(cached);
                }

                return Miss(key, kind, refresh, state, fetch, cancellationToken);
            }

            var lookup = Lookup(key, cancellationToken);
            if (!lookup.IsCompletedSuccessfully)
            {
                return LookupThenFetchAsync(lookup, key, kind, state, fetch, cancellationToken);
            }

            if (lookup.Result is { } hit)
            {
                OnHit(key, kind, hit);
                return new ValueTask<string>(hit);
            }
        }

        return Miss(key, kind, refresh, state, fetch, cancellationToken);
    }

    /// <summary>Removes a key from the cache and forgets its last known value.</summary>
    public async ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        _stale?.Remove(key);
        await _cache.RemoveAsync(key, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Empties the cache and forgets every last known value.</summary>
    public async ValueTask ClearAsync(CancellationToken cancellationToken = default)
    {
        _stale?.Clear();
        await _cache.ClearAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string> FetchUncachedAsync<TState>(TState state, Func<TState, CancellationToken, Task<CacheableValue>> fetch, CancellationToken cancellationToken) =>
        (await fetch(state, cancellationToken).ConfigureAwait(false)).Value;

    private ValueTask<string?> Lookup(string key, CancellationToken cancellationToken)
    {
        try
        {
            return _cache.GetAsync(key, cancellationToken);
        }
#pragma warning disable CA1031 // A broken cache must cost a fetch, not a failed read.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            Log.CacheOperationFailed(_logger, "get", key, ex);
            return default;
        }
    }

    private async ValueTask<string> LookupThenFetchAsync<TState>(
        ValueTask<string?> lookup,
        string key,
        SecretKind kind,
        TState state,
        Func<TState, CancellationToken, Task<CacheableValue>> fetch,
        CancellationToken cancellationToken)
    {
        string? hit = await AwaitLookupAsync(lookup, key, cancellationToken).ConfigureAwait(false);
        if (hit is not null)
        {
            OnHit(key, kind, hit);
            return hit;
        }

        return await Miss(key, kind, refresh: false, state, fetch, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Completes a cache lookup; a broken cache costs a fetch (a miss), not a failed read.</summary>
    private async ValueTask<string?> AwaitLookupAsync(ValueTask<string?> lookup, string key, CancellationToken cancellationToken)
    {
        try
        {
            return await lookup.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A broken cache must cost a fetch, not a failed read.
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            Log.CacheOperationFailed(_logger, "get", key, ex);
            return null;
        }
    }

    private void OnHit(string key, SecretKind kind, string value)
    {
        _metrics?.Hits.Add(1);
        if (Diagnostics.Internal.CacheHitTelemetry.Enabled)
        {
            Diagnostics.Internal.CacheHitTelemetry.Record(kind);
        }

        if (_recordHits && kind != SecretKind.Dynamic)
        {
            _stale?.RecordHit(key, value, _options.MaxStale);
        }
    }
}
