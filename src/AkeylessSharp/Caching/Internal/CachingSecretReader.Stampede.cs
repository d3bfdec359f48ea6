using System.Collections.Concurrent;

namespace AkeylessSharp.Caching.Internal;

internal sealed partial class CachingSecretReader
{
    private readonly ConcurrentDictionary<StampedeKey, StampedeState> _inflight = new();

    /// <summary>Gets how many shared fetches are in flight; for tests.</summary>
    internal int InflightCount => _inflight.Count;

    /// <summary>Joins the shared fetch of the key, or starts it: concurrent misses of one key cost one fetch.</summary>
    /// <remarks><c>lockAttempt</c> is the fleet lock a bulk read already took for the key; it is released if the miss joins a fetch in flight.</remarks>
    private ValueTask<string> Miss<TState>(
        string key,
        SecretKind kind,
        bool refresh,
        TState state,
        Func<TState, CancellationToken, Task<CacheableValue>> fetch,
        CancellationToken cancellationToken,
        FetchLockAttempt? lockAttempt = null)
    {
        _metrics?.Misses.Add(1);
        var stampedeKey = new StampedeKey(key, refresh);

        // A plain fetch that started before this refresh may store an older value after it; its callers keep that value.
        if (refresh && _inflight.TryGetValue(stampedeKey with { Refresh = false }, out var older))
        {
            older.Supersede();
            Retire(older);
        }

        while (true)
        {
            if (_inflight.TryGetValue(stampedeKey, out var existing))
            {
                if (existing.TryAddCaller())
                {
                    ReleaseUnused(lockAttempt, key);
                    return existing.JoinAsync(cancellationToken);
                }

                // Every caller of that fetch gave up and it is being cancelled: start a new one in its place.
                var replacement = new StampedeState(stampedeKey);
                if (_inflight.TryUpdate(stampedeKey, replacement, existing))
                {
                    return Start(replacement, kind, lockAttempt, state, fetch, cancellationToken);
                }
            }
            else
            {
                var created = new StampedeState(stampedeKey);
                if (_inflight.TryAdd(stampedeKey, created))
                {
                    return Start(created, kind, lockAttempt, state, fetch, cancellationToken);
                }
            }

            // Lost a race with another caller of the same key; look again.
        }
    }

    private ValueTask<string> Start<TState>(
        StampedeState stampede,
        SecretKind kind,
        FetchLockAttempt? lockAttempt,
        TState state,
        Func<TState, CancellationToken, Task<CacheableValue>> fetch,
        CancellationToken cancellationToken)
    {
        _ = RunSharedAsync(stampede, kind, lockAttempt, state, fetch);
        return stampede.JoinAsync(cancellationToken);
    }

    /// <summary>The shared fetch: fetch, store, then release every caller; on failure evict or serve stale.</summary>
    /// <remarks>
    /// The state leaves the in-flight table before its callers are released: a read that starts after one has returned
    /// must not join the finished fetch (it would get its result however old); it finds the stored value instead.
    /// </remarks>
    private async Task RunSharedAsync<TState>(
        StampedeState stampede,
        SecretKind kind,
        FetchLockAttempt? lockAttempt,
        TState state,
        Func<TState, CancellationToken, Task<CacheableValue>> fetch)
    {
        string key = stampede.Key.Key;
        try
        {
            string value = await FetchAndStoreAsync(stampede, kind, lockAttempt, state, fetch).ConfigureAwait(false);
            Retire(stampede);
            stampede.SetResult(value);
        }
        catch (OperationCanceledException) when (stampede.Token.IsCancellationRequested)
        {
            Retire(stampede);
            stampede.SetCanceled();
        }
        catch (AkeylessNotFoundException ex)
        {
            // A not-found from before a write says nothing of the path since: what a read after the write stored stays.
            if (!stampede.Superseded)
            {
                await EvictAsync(key).ConfigureAwait(false);
            }

            Retire(stampede);
            stampede.SetException(ex);
        }
#pragma warning disable CA1031 // Every failure reaches the callers, stale-served or rethrown.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Retire(stampede);

            // A refresh asked for a fresh value: it gets the failure, not the value it wanted to replace.
            string? stale = stampede.Key.Refresh ? null : await ServeStaleAsync(key, ex).ConfigureAwait(false);
            if (stale is not null)
            {
                stampede.SetResult(stale);
            }
            else
            {
                stampede.SetException(ex);
            }
        }
        finally
        {
            stampede.Complete();
        }
    }

    private void Retire(StampedeState stampede) => _inflight.TryRemove(KeyValuePair.Create(stampede.Key, stampede));

    /// <summary>
    /// Retires every fetch in flight for a key of <paramref name="path"/>, marked superseded: a read that starts after a
    /// write must not join a fetch that started before it, and such a fetch must not store its value once the write's
    /// evictions are done.
    /// </summary>
    private void SupersedeInflight(string path)
    {
        foreach (var (key, stampede) in _inflight)
        {
            if (key.Key.StartsWith(path, StringComparison.Ordinal) && (key.Key.Length == path.Length || key.Key[path.Length] == SecretCacheKey.Separator))
            {
                stampede.Supersede();
                Retire(stampede);
            }
        }
    }
}
