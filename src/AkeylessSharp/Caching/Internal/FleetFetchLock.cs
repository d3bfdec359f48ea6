using Microsoft.Extensions.Logging;

namespace AkeylessSharp.Caching.Internal;

/// <summary>What an attempt on the fleet-wide fetch lock found.</summary>
internal enum FetchLockState
{
    /// <summary>This instance holds the lock: it fetches, stores, releases.</summary>
    Acquired,

    /// <summary>Another instance holds it: wait for its value in the shared cache.</summary>
    HeldElsewhere,

    /// <summary>The lock store failed or is being left alone: fetch without it.</summary>
    Unavailable,
}

/// <summary>
/// One attempt on the fleet-wide fetch lock; <see cref="Lock"/> is set when <see cref="State"/> is acquired, and
/// <see cref="Watch"/> may be when it is held elsewhere: listening for the release since before the attempt.
/// </summary>
internal readonly record struct FetchLockAttempt(FetchLockState State, IAsyncDisposable? Lock, ISecretFetchLockWatch? Watch = null)
{
    public static FetchLockAttempt Unavailable { get; } = new(FetchLockState.Unavailable, null);
}

/// <summary>
/// An <see cref="ISecretFetchLock"/> behind the same protections as the distributed cache: each call bounded by
/// <see cref="AkeylessCacheOptions.DistributedCacheTimeout"/>, and after a failure the lock is left alone for
/// <see cref="AkeylessCacheOptions.DistributedCacheBreakDuration"/>, so a lock store outage costs fetches, never waits or failed reads.
/// </summary>
internal sealed class FleetFetchLock
{
    private readonly ISecretFetchLock _inner;
    private readonly ILogger _logger;
    private readonly CacheMetrics? _metrics;
    private readonly BackendGuard _guard;

    public FleetFetchLock(ISecretFetchLock inner, AkeylessCacheOptions options, TimeProvider time, ILogger logger, CacheMetrics? metrics)
    {
        _inner = inner;
        _logger = logger;
        _metrics = metrics;
        _guard = new BackendGuard(time, options.DistributedCacheTimeout, options.DistributedCacheBreakDuration, metrics);
        Duration = options.FetchLockDuration;
        PollInterval = options.FetchLockPollInterval;
        FallbackPollInterval = options.FetchLockFallbackPollInterval;
    }

    /// <summary>How long a lock lives when its holder never releases it; also how long others wait for the holder's value.</summary>
    public TimeSpan Duration { get; }

    /// <summary>How often a waiting instance looks for the holder's value when the lock cannot notify it.</summary>
    public TimeSpan PollInterval { get; }

    /// <summary>How often a waiting instance looks for the holder's value anyway when the lock notifies it.</summary>
    public TimeSpan FallbackPollInterval { get; }

    public async ValueTask<FetchLockAttempt> TryAcquireAsync(string key, CancellationToken cancellationToken)
    {
        if (!_guard.TryEnter(out bool probe))
        {
            return FetchLockAttempt.Unavailable;
        }

        var outcome = await _guard.RunAsync(
            probe,
            (Lock: this, Key: key),
            static (s, ct) => s.Lock.AcquireWithinTimeoutAsync(s.Key, ct),
            cancellationToken).ConfigureAwait(false);
        if (outcome.Recovered)
        {
            Log.FetchLockRecovered(_logger);
        }

        if (outcome.BrokeWith is { } failure)
        {
            Log.FetchLockBroken(_logger, key, _guard.BreakDuration, failure);
        }

        return !outcome.Ok ? FetchLockAttempt.Unavailable
            : outcome.Result is { } held ? new FetchLockAttempt(FetchLockState.Acquired, held)
            : new FetchLockAttempt(FetchLockState.HeldElsewhere, null);
    }

    /// <summary>
    /// One attempt, bounded by the timeout. An attempt given up on (timed out, or its caller cancelled) may still take the
    /// lock; it is then released at once, or the fleet would wait for a value nobody fetches until the lock expires.
    /// </summary>
    private async Task<IAsyncDisposable?> AcquireWithinTimeoutAsync(string key, CancellationToken cancellationToken)
    {
        var acquiring = _inner.TryAcquireAsync(key, Duration, cancellationToken).AsTask();
        try
        {
            return await _guard.WithTimeout(acquiring, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            _ = ReleaseLateAsync(acquiring, key);
            throw;
        }
    }

    private async Task ReleaseLateAsync(Task<IAsyncDisposable?> acquiring, string key)
    {
        try
        {
            if (await acquiring.ConfigureAwait(false) is { } held)
            {
                await ReleaseAsync(new FetchLockAttempt(FetchLockState.Acquired, held), key).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // The attempt failed after it was given up on: there is no lock to release.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    /// <summary>
    /// Starts listening for the release of the key's lock, when the lock can tell; <see langword="null"/> means poll.
    /// Not behind the breaker: a watch that fails or times out only costs polling.
    /// </summary>
    public async ValueTask<ISecretFetchLockWatch?> WatchAsync(string key, CancellationToken cancellationToken)
    {
        if (!_guard.IsClosed)
        {
            return null;
        }

        Task<ISecretFetchLockWatch?>? watching = null;
        try
        {
            var pending = _inner.WatchReleaseAsync(key, cancellationToken);
            if (pending.IsCompletedSuccessfully)
            {
                return pending.Result;
            }

            watching = pending.AsTask();
            return await _guard.WithTimeout(watching, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            DisposeLate(watching);
            throw;
        }
#pragma warning disable CA1031 // A watch is an optimisation: without it the waiter polls.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            DisposeLate(watching);
            Log.FetchLockWatchFailed(_logger, key, ex);
            return null;
        }
    }

    /// <summary>
    /// Waits for the holder's release (or, without a watch, one poll interval), for at most the fallback poll interval and
    /// never past the lock's expiry; then the caller looks for the value and at the lock again.
    /// </summary>
    /// <param name="watch">The waiter's watch, or <see langword="null"/> to poll.</param>
    /// <param name="waited">How long the caller has waited so far.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>Whether the holder released the lock; <see langword="false"/> when the wait only timed out.</returns>
    public async Task<bool> WaitAsync(ISecretFetchLockWatch? watch, TimeSpan waited, CancellationToken cancellationToken)
    {
        if (watch is null)
        {
            await Task.Delay(PollInterval, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            return false;
        }

        // The lock expires on the lock store's clock, so the wait is measured in real time, not on the reader's clock.
        var remaining = Duration - waited;
        var timeout = remaining < FallbackPollInterval ? remaining : FallbackPollInterval;
        try
        {
            await watch.Released.WaitAsync(timeout > TimeSpan.Zero ? timeout : TimeSpan.Zero, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            // A lost notification, a dead holder, or a value stored without a release: look anyway.
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A watch that fails is a wake-up without news: the caller looks, then watches again.
            return false;
        }
    }

    /// <summary>Releases a held lock; a failure only leaves it to expire on its own.</summary>
    public async ValueTask ReleaseAsync(FetchLockAttempt attempt, string key)
    {
        if (attempt.Lock is not { } held)
        {
            return;
        }

        try
        {
            await _guard.WithTimeout(held.DisposeAsync().AsTask(), CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // An unreleased lock expires after its duration; the value is already fetched.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _metrics?.DistributedFailures.Add(1);
            Log.FetchLockNotReleased(_logger, key, Duration, ex);
        }
    }

    /// <summary>Drops a watch the caller no longer needs, now or whenever it completes.</summary>
    public static void Abandon(ValueTask<ISecretFetchLockWatch?> watching)
    {
        if (watching.IsCompletedSuccessfully)
        {
            watching.Result?.Dispose();
        }
        else
        {
            DisposeLate(watching.AsTask());
        }
    }

    /// <summary>Disposes a watch that completes after its caller gave up on it, so its registration does not outlive the wait.</summary>
    private static void DisposeLate(Task<ISecretFetchLockWatch?>? watching) =>
        watching?.ContinueWith(static t => t.Result?.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
