namespace AkeylessSharp.Caching.Internal;

internal sealed partial class CachingSecretReader
{
    private readonly Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, string>>> _batchFetch;
    private readonly SecretBatcher _batcher;
    private readonly bool _batching;

    /// <summary>Reads the latest whole value of a static secret; misses join a micro-batch when batching is on.</summary>
    public ValueTask<string> GetSecretAsync(string path, bool refresh, CancellationToken cancellationToken) =>
        GetAsync(path, SecretKind.Static, refresh, new StaticFetch(this, path, _batching && _enabled), static (s, ct) => s.Reader.FetchStaticAsync(s.Path, s.Batch, ct), cancellationToken);

    /// <summary>
    /// Reads many static secrets: hits from the cache, and every miss in as few requests as
    /// <see cref="AkeylessCacheOptions.MaxBatchSize"/> allows (batched even when single reads are not).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> GetSecretsAsync(IEnumerable<string> paths, bool refresh, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        string[] distinct = paths.Distinct(StringComparer.Ordinal).ToArray();
        if (!_enabled)
        {
            return distinct.Length == 0 ? new Dictionary<string, string>() : await _batchFetch(distinct, cancellationToken).ConfigureAwait(false);
        }

        // Every lookup completes before the first miss is fetched: with an asynchronous cache (Redis) misses would
        // otherwise reach the batcher one by one, after the flush, and wait for the batch window.
        string?[] hits = await LookupAllAsync(distinct, refresh, cancellationToken).ConfigureAwait(false);
        var locks = refresh ? new FetchLockAttempt?[distinct.Length] : await LockMissesAsync(distinct, hits, cancellationToken).ConfigureAwait(false);
        var reads = new Task<string>[distinct.Length];
        for (int i = 0; i < distinct.Length; i++)
        {
            if (hits[i] is { } hit)
            {
                OnHit(distinct[i], SecretKind.Static, hit);
                reads[i] = Task.FromResult(hit);
            }
            else
            {
                reads[i] = Miss(distinct[i], SecretKind.Static, refresh, new StaticFetch(this, distinct[i], Batch: true), static (s, ct) => s.Reader.FetchStaticAsync(s.Path, s.Batch, ct), cancellationToken, locks[i]).AsTask();
            }
        }

        // A miss enqueues synchronously, so every one is in the batcher now: no need to wait for the window.
        _batcher.Flush();
        await Task.WhenAll(reads).ConfigureAwait(false);
        var values = new Dictionary<string, string>(distinct.Length, StringComparer.Ordinal);
        for (int i = 0; i < distinct.Length; i++)
        {
            values[distinct[i]] = reads[i].Result;
        }

        return values;
    }

    private async Task<string?[]> LookupAllAsync(string[] keys, bool refresh, CancellationToken cancellationToken)
    {
        var hits = new string?[keys.Length];
        if (refresh)
        {
            return hits;
        }

        var lookups = new ValueTask<string?>[keys.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            lookups[i] = Lookup(keys[i], cancellationToken);
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
            ? await _batcher.EnqueueAsync(path).WaitAsync(cancellationToken).ConfigureAwait(false)
            : await _batcher.FetchOneAsync(path, cancellationToken).ConfigureAwait(false);
        return Ttl.Static(value);
    }

    private readonly record struct StaticFetch(CachingSecretReader Reader, string Path, bool Batch);
}
