namespace AkeylessSharp.Caching.Internal;

internal sealed partial class CachingSecretReader
{
    private readonly Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, string>>> _batchFetch;
    private readonly SecretBatcher _batcher;
    private readonly bool _batching;

    // AkeylessClientOptions.Timeout: a read that joins a batch gives up then, as an unbatched read does.
    private readonly TimeSpan _callTimeout;

    /// <summary>Reads the latest whole value of a static secret; misses join a micro-batch when batching is on.</summary>
    public ValueTask<string> GetSecretAsync(string path, bool refresh, CancellationToken cancellationToken) =>
        GetAsync(path, SecretKind.Static, refresh, new StaticFetch(this, path, _batching && _enabled), static (s, ct) => s.Reader.FetchStaticAsync(s.Path, s.Batch, ct), cancellationToken);

    /// <summary>
    /// Reads many static secrets: hits from the cache, and every miss in as few requests as
    /// <see cref="AkeylessCacheOptions.MaxBatchSize"/> allows (batched even when single reads are not).
    /// </summary>
    public Task<IReadOnlyDictionary<string, string>> GetSecretsAsync(IEnumerable<string> paths, bool refresh, CancellationToken cancellationToken) =>
        GetSecretsAsync(paths, refresh, started: null, cancellationToken);

    /// <inheritdoc cref="GetSecretsAsync(IEnumerable{string}, bool, CancellationToken)"/>
    /// <param name="paths">The paths, duplicates allowed.</param>
    /// <param name="refresh">Whether to bypass and overwrite the cache.</param>
    /// <param name="started">A lookup <see cref="TryGetAllCached"/> left in flight, reused rather than repeated.</param>
    /// <param name="cancellationToken">Cancels this caller's wait.</param>
    public async Task<IReadOnlyDictionary<string, string>> GetSecretsAsync(IEnumerable<string> paths, bool refresh, StartedLookup? started, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        string[] distinct = paths.Distinct(StringComparer.Ordinal).ToArray();
        if (!_enabled)
        {
            return distinct.Length == 0 ? new Dictionary<string, string>() : await _batchFetch(distinct, cancellationToken).ConfigureAwait(false);
        }

        // A miss enqueues synchronously, so once every one is started they are all in the batcher: no need to wait for the window.
        return await ReadManyAsync(
            distinct,
            distinct,
            refresh,
            (i, lockAttempt) => Miss(distinct[i], SecretKind.Static, refresh, new StaticFetch(this, distinct[i], Batch: true), static (s, ct) => s.Reader.FetchStaticAsync(s.Path, s.Batch, ct), cancellationToken, lockAttempt),
            _batcher.Flush,
            started,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads many static secrets with per-call options (a version, a JSON attribute, a timeout): each cached under its own
    /// key, the misses fetched together by <paramref name="fetchWhole"/> in as few requests as
    /// <see cref="AkeylessCacheOptions.MaxBatchSize"/> allows, then narrowed by <paramref name="select"/>.
    /// </summary>
    /// <param name="paths">Distinct paths.</param>
    /// <param name="keyOf">The cache key of a path under these options.</param>
    /// <param name="select">Turns a path's whole value into the value asked for.</param>
    /// <param name="refresh">Whether to bypass and overwrite the cache.</param>
    /// <param name="fetchWhole">Reads the whole values of some paths with the call's options.</param>
    /// <param name="cancellationToken">Cancels this caller's wait.</param>
    public async Task<IReadOnlyDictionary<string, string>> GetSecretsAsync(
        string[] paths,
        Func<string, string> keyOf,
        Func<string, string, string> select,
        bool refresh,
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, string>>> fetchWhole,
        CancellationToken cancellationToken)
    {
        if (!_enabled)
        {
            var whole = await fetchWhole(paths, cancellationToken).ConfigureAwait(false);
            return paths.ToDictionary(p => p, p => select(p, whole[p]), StringComparer.Ordinal);
        }

        // A batcher of this call's own: its misses are read with its options, never mixed with other reads.
        var batcher = new SecretBatcher(fetchWhole, _time, Timeout.InfiniteTimeSpan, _options.MaxBatchSize, _logger, _metrics);
        string[] keys = Array.ConvertAll(paths, path => keyOf(path));
        if (InEpochs(SecretKind.Static))
        {
            keys = await InEpochsAsync(keys, cancellationToken).ConfigureAwait(false);
        }

        return await ReadManyAsync(
            paths,
            keys,
            refresh,
            (i, lockAttempt) => Miss(keys[i], SecretKind.Static, refresh, new SelectedFetch(this, batcher, paths[i], select), static (s, ct) => s.FetchAsync(ct), cancellationToken, lockAttempt),
            batcher.Seal,
            started: null,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The shared shape of a bulk read: look every key up, take the fleet locks of the misses, start every miss, let
    /// <paramref name="afterMisses"/> send what they queued, then gather the values by path.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, string>> ReadManyAsync(
        string[] paths,
        string[] keys,
        bool refresh,
        Func<int, FetchLockAttempt?, ValueTask<string>> miss,
        Action afterMisses,
        StartedLookup? started,
        CancellationToken cancellationToken)
    {
        // Every lookup completes before the first miss is fetched: with an asynchronous cache (Redis) misses would
        // otherwise reach the batcher one by one, after the flush.
        string?[] hits = await LookupAllAsync(keys, refresh, started, cancellationToken).ConfigureAwait(false);
        var locks = refresh ? new FetchLockAttempt?[keys.Length] : await LockMissesAsync(keys, hits, cancellationToken).ConfigureAwait(false);
        var reads = new Task<string>[keys.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            if (hits[i] is { } hit)
            {
                OnHit(keys[i], SecretKind.Static, hit);
                reads[i] = Task.FromResult(hit);
            }
            else
            {
                reads[i] = miss(i, locks[i]).AsTask();
            }
        }

        afterMisses();
        await Task.WhenAll(reads).ConfigureAwait(false);
        var values = new Dictionary<string, string>(paths.Length, StringComparer.Ordinal);
        for (int i = 0; i < paths.Length; i++)
        {
            values[paths[i]] = reads[i].Result;
        }

        return values;
    }

    private async Task<string?[]> LookupAllAsync(string[] keys, bool refresh, StartedLookup? started, CancellationToken cancellationToken)
    {
        var hits = new string?[keys.Length];
        if (refresh)
        {
            return hits;
        }

        var lookups = new ValueTask<string?>[keys.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            if (started is { } reused && string.Equals(reused.Key, keys[i], StringComparison.Ordinal))
            {
                lookups[i] = reused.Lookup;
                started = null;
            }
            else
            {
                lookups[i] = Lookup(keys[i], cancellationToken);
            }
        }

        for (int i = 0; i < keys.Length; i++)
        {
            hits[i] = await AwaitLookupAsync(lookups[i], keys[i], cancellationToken).ConfigureAwait(false);
        }

        return hits;
    }

    private async Task<CacheableValue> FetchStaticAsync(string path, bool batch, CancellationToken cancellationToken)
    {
        string value = batch
            ? await JoinBatchAsync(path, cancellationToken).ConfigureAwait(false)
            : await _batcher.FetchOneAsync(path, cancellationToken).ConfigureAwait(false);
        return Ttl.Static(value);
    }

    /// <summary>
    /// Waits for the batch <paramref name="path"/> joins, at most the client's timeout: a batch can wait for the client's
    /// first token before it leaves, and that wait counts against the read's timeout as it does for an unbatched read.
    /// </summary>
    private async Task<string> JoinBatchAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await _batcher.EnqueueAsync(path).WaitAsync(_callTimeout, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw Errors.Internal.ExceptionFactory.Timeout(Http.Internal.CommandCatalog.GetSecretValue, path, _callTimeout, ex);
        }
    }

    private readonly record struct StaticFetch(CachingSecretReader Reader, string Path, bool Batch);

    private readonly record struct SelectedFetch(CachingSecretReader Reader, SecretBatcher Batcher, string Path, Func<string, string, string> Select)
    {
        public async Task<CacheableValue> FetchAsync(CancellationToken cancellationToken)
        {
            string whole = await Batcher.EnqueueAsync(Path).WaitAsync(cancellationToken).ConfigureAwait(false);
            return Reader.Ttl.Static(Select(Path, whole));
        }
    }
}
