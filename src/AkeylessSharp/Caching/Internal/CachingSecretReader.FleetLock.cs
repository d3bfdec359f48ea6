namespace AkeylessSharp.Caching.Internal;

internal sealed partial class CachingSecretReader
{
    private readonly FleetFetchLock? _fleetLock;

    /// <summary>
    /// Fetches and stores the value of a shared fetch. With a fleet lock, only the instance holding the key's lock fetches;
    /// the others wait for its release, take its value from the shared cache, and fetch themselves only if it never arrives.
    /// </summary>
    /// <remarks><c>initial</c> is the lock attempt a bulk read already made and followed with a cache lookup, if any.</remarks>
    private async Task<string> FetchAndStoreAsync<TState>(
        StampedeState stampede,
        SecretKind kind,
        FetchLockAttempt? initial,
        TState state,
        Func<TState, CancellationToken, Task<CacheableValue>> fetch)
    {
        string key = stampede.Key.Key;
        var token = stampede.Token;

        // A refresh must reach Akeyless whatever another instance is doing; a type that is not cached leaves nothing to wait for.
        if (_fleetLock is null || stampede.Key.Refresh || !Ttl.Caches(kind))
        {
            initial?.Watch?.Dispose();
            return await FetchThenStoreAsync(stampede, fetch(state, token)).ConfigureAwait(false);
        }

        // Listening starts before the look at the lock, so a release that follows that look always wakes this reader.
        ISecretFetchLockWatch? watch = null;
        var attempt = FetchLockAttempt.Unavailable;
        try
        {
            bool lookNow = false;
            if (initial is { } made)
            {
                // A bulk read that was not listening yet when it tried the lock looks again once listening, before it waits.
                attempt = made;
                watch = made.Watch;
                if (made.State == FetchLockState.HeldElsewhere && watch is null)
                {
                    watch = await _fleetLock.WatchAsync(key, token).ConfigureAwait(false);
                    lookNow = watch is not null;
                }
            }
            else
            {
                // Once the lock's channel is subscribed the watch is registered at once; the first time, it may not be
                // listening yet when the lock is tried, so the reader looks once more before it waits.
                var watching = _fleetLock.WatchAsync(key, token);
                bool listening = watching.IsCompleted;
                try
                {
                    attempt = await _fleetLock.TryAcquireAsync(key, token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    FleetFetchLock.Abandon(watching);
                    throw;
                }

                if (attempt.State == FetchLockState.HeldElsewhere)
                {
                    watch = await watching.ConfigureAwait(false);
                    lookNow = !listening && watch is not null;
                }
                else
                {
                    // Not waiting; a lock store that fails must not be waited on twice.
                    FleetFetchLock.Abandon(watching);
                }
            }

            bool lookFirst = initial is null;
            bool waited = false;
            long waitStart = TimeProvider.System.GetTimestamp();
            while (attempt.State == FetchLockState.HeldElsewhere)
            {
                // The lock expires on the lock store's clock, so the wait is measured in real time, not on the reader's clock.
                var elapsed = TimeProvider.System.GetElapsedTime(waitStart);
                if (elapsed >= _fleetLock.Duration)
                {
                    Log.FetchLockWaitExpired(_logger, key, elapsed);
                    attempt = FetchLockAttempt.Unavailable;
                    break;
                }

                bool released = !lookNow && await _fleetLock.WaitAsync(watch, elapsed, token).ConfigureAwait(false);
                lookNow = false;

                // A watch serves one release; the next one is listened for before looking again.
                if (watch is { Released.IsCompleted: true })
                {
                    watch.Dispose();
                    watch = null;
                    watch = await _fleetLock.WatchAsync(key, token).ConfigureAwait(false);
                }

                if (await LookupQuietlyAsync(key, token).ConfigureAwait(false) is { } stored)
                {
                    _metrics?.FleetWaits.Add(1);
                    return OnStoredElsewhere(key, kind, stored);
                }

                waited = true;
                if (released)
                {
                    // The holder let go without a value: it failed, and its failure is likely the next one's too. Every
                    // waiter it woke fetches now, at once, rather than one after another behind the lock.
                    attempt = FetchLockAttempt.Unavailable;
                    break;
                }

                attempt = await _fleetLock.TryAcquireAsync(key, token).ConfigureAwait(false);
                lookFirst = true;
            }

            watch?.Dispose();
            watch = null;

            // Another instance may have stored the value between this miss and the lock.
            if (lookFirst && attempt.State == FetchLockState.Acquired && await LookupQuietlyAsync(key, token).ConfigureAwait(false) is { } found)
            {
                return OnStoredElsewhere(key, kind, found);
            }

            if (waited && attempt.State == FetchLockState.Acquired)
            {
                // Found free without a value after waiting: the holder failed or died (the same case as above, seen by
                // polling). Every waiter fetches now, at once, rather than one after another behind the lock.
                await _fleetLock.ReleaseAsync(attempt, key).ConfigureAwait(false);
                attempt = FetchLockAttempt.Unavailable;
            }

            var fetching = fetch(state, token);

            // A fetch that starts after waiting may sit in a batch that nobody else will flush.
            if (waited)
            {
                _batcher.Flush();
            }

            return await FetchThenStoreAsync(stampede, fetching).ConfigureAwait(false);
        }
        finally
        {
            watch?.Dispose();
            await _fleetLock.ReleaseAsync(attempt, key).ConfigureAwait(false);
        }
    }

    private async Task<string> FetchThenStoreAsync(StampedeState stampede, Task<CacheableValue> fetching)
    {
        string key = stampede.Key.Key;
        var fetched = await fetching.ConfigureAwait(false);

        // Superseded already: a read since may have stored a newer value, which this one must neither replace nor evict.
        if (stampede.Superseded)
        {
            return fetched.Value;
        }

        await StoreAsync(key, fetched).ConfigureAwait(false);

        // Looked at again after storing: a write that supersedes the fetch later evicts what was stored; one that did so
        // during the store may have evicted before it, so the store is undone here.
        if (stampede.Superseded)
        {
            _stale?.Remove(key);
            await RemoveQuietlyAsync(key).ConfigureAwait(false);
        }

        return fetched.Value;
    }

    /// <summary>
    /// Takes the fleet lock of every miss of a bulk read at once, then looks each one up again: what another instance stored
    /// meanwhile is a hit (its lock released at once), and the rest start their fetches without another round trip. Each
    /// miss listens for its lock's release from before the attempt, so the lookup is the last look before waiting.
    /// </summary>
    private async Task<FetchLockAttempt?[]> LockMissesAsync(string[] keys, string?[] hits, CancellationToken cancellationToken)
    {
        var attempts = new FetchLockAttempt?[keys.Length];
        if (_fleetLock is null || !Ttl.Caches(SecretKind.Static))
        {
            return attempts;
        }

        var watching = new ValueTask<ISecretFetchLockWatch?>[keys.Length];
        var listening = new bool[keys.Length];
        var pending = new ValueTask<FetchLockAttempt>[keys.Length];
        int awaited = 0;
        for (int i = 0; i < keys.Length; i++)
        {
            if (hits[i] is null)
            {
                watching[i] = _fleetLock.WatchAsync(keys[i], cancellationToken);
                listening[i] = watching[i].IsCompleted;
                pending[i] = _fleetLock.TryAcquireAsync(keys[i], cancellationToken);
            }
        }

        try
        {
            for (int i = 0; i < keys.Length; i++)
            {
                awaited = i + 1;
                if (hits[i] is null)
                {
                    var attempt = await pending[i].ConfigureAwait(false);
                    attempts[i] = attempt.State == FetchLockState.HeldElsewhere && listening[i]
                        ? attempt with { Watch = await watching[i].ConfigureAwait(false) }
                        : Abandoning(attempt, watching[i]);
                    watching[i] = default;
                }
            }

            var lookups = new ValueTask<string?>[keys.Length];
            for (int i = 0; i < keys.Length; i++)
            {
                if (attempts[i] is { State: not FetchLockState.Unavailable })
                {
                    lookups[i] = Lookup(keys[i], cancellationToken);
                }
            }

            for (int i = 0; i < keys.Length; i++)
            {
                if (attempts[i] is { State: not FetchLockState.Unavailable } attempt
                    && await AwaitLookupAsync(lookups[i], keys[i], cancellationToken).ConfigureAwait(false) is { } stored)
                {
                    attempt.Watch?.Dispose();
                    await _fleetLock.ReleaseAsync(attempt, keys[i]).ConfigureAwait(false);
                    attempts[i] = null;
                    hits[i] = stored;
                }
            }

            return attempts;
        }
        catch
        {
            // Cancelled midway: no watch outlives the read, and no lock taken for it either, or the fleet would wait for
            // values nobody fetches until the locks expire.
            for (int i = 0; i < keys.Length; i++)
            {
                FleetFetchLock.Abandon(watching[i]);
                attempts[i]?.Watch?.Dispose();
                if (attempts[i] is { State: FetchLockState.Acquired } held)
                {
                    _ = _fleetLock.ReleaseAsync(held, keys[i]).AsTask();
                }
                else if (i >= awaited && hits[i] is null)
                {
                    _ = ReleaseWhenTakenAsync(pending[i], keys[i]);
                }
            }

            throw;
        }

        static FetchLockAttempt Abandoning(FetchLockAttempt attempt, ValueTask<ISecretFetchLockWatch?> watching)
        {
            FleetFetchLock.Abandon(watching);
            return attempt;
        }
    }

    /// <summary>Releases the lock an attempt its read gave up on takes, if it takes it.</summary>
    private async Task ReleaseWhenTakenAsync(ValueTask<FetchLockAttempt> pending, string key)
    {
        try
        {
            var attempt = await pending.ConfigureAwait(false);
            attempt.Watch?.Dispose();
            await _fleetLock!.ReleaseAsync(attempt, key).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Given up before the lock was taken.
        }
    }

    /// <summary>Releases a lock taken for a miss that joined a fetch already in flight here instead of starting one.</summary>
    private void ReleaseUnused(FetchLockAttempt? attempt, string key)
    {
        attempt?.Watch?.Dispose();
        if (attempt is { State: FetchLockState.Acquired } held)
        {
            _ = _fleetLock!.ReleaseAsync(held, key).AsTask();
        }
    }

    private ValueTask<string?> LookupQuietlyAsync(string key, CancellationToken cancellationToken) =>
        AwaitLookupAsync(Lookup(key, cancellationToken), key, cancellationToken);

    private string OnStoredElsewhere(string key, SecretKind kind, string value)
    {
        if (_recordHits && kind != SecretKind.Dynamic)
        {
            _stale?.RecordHit(key, value, _options.MaxStale);
        }

        return value;
    }
}
