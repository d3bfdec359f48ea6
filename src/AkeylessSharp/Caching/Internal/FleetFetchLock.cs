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

/// <summary>One attempt on the fleet-wide fetch lock; <see cref="Lock"/> is set when <see cref="State"/> is acquired.</summary>
internal readonly record struct FetchLockAttempt(FetchLockState State, IAsyncDisposable? Lock)
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
    private readonly TimeSpan _timeout;
    private readonly TimeSpan _breakDuration;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CacheMetrics? _metrics;
    private readonly CircuitBreaker _breaker;

    public FleetFetchLock(ISecretFetchLock inner, AkeylessCacheOptions options, TimeProvider time, ILogger logger, CacheMetrics? metrics)
    {
        _inner = inner;
        Duration = options.FetchLockDuration;
        _timeout = options.DistributedCacheTimeout;
        _breakDuration = options.DistributedCacheBreakDuration;
        _time = time;
        _logger = logger;
        _metrics = metrics;
        _breaker = new CircuitBreaker(time, options.DistributedCacheBreakDuration);
        PollInterval = options.FetchLockPollInterval;
    }

    /// <summary>How long a lock lives when its holder never releases it; also how long others wait for the holder's value.</summary>
    public TimeSpan Duration { get; }

    /// <summary>How often a waiting instance looks for the holder's value.</summary>
    public TimeSpan PollInterval { get; }

    public async ValueTask<FetchLockAttempt> TryAcquireAsync(string key, CancellationToken cancellationToken)
    {
        if (!_breaker.TryEnter(out bool probe))
        {
            return FetchLockAttempt.Unavailable;
        }

        try
        {
            // A lock taken after the timeout gave up on it is never released here: it expires after its duration.
            var acquire = _inner.TryAcquireAsync(key, Duration, cancellationToken);
            var held = acquire.IsCompleted ? await acquire.ConfigureAwait(false) : await acquire.AsTask().WaitAsync(_timeout, _time, cancellationToken).ConfigureAwait(false);
            if (_breaker.OnSuccess(probe))
            {
                Log.FetchLockRecovered(_logger);
            }

            return held is null ? new FetchLockAttempt(FetchLockState.HeldElsewhere, null) : new FetchLockAttempt(FetchLockState.Acquired, held);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any lock store failure must degrade to an uncoordinated fetch, not fail the read.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _metrics?.DistributedFailures.Add(1);
            if (_breaker.OnFailure() || probe)
            {
                Log.FetchLockBroken(_logger, key, _breakDuration, ex);
            }

            return FetchLockAttempt.Unavailable;
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
            await held.DisposeAsync().AsTask().WaitAsync(_timeout, _time).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // An unreleased lock expires after its duration; the value is already fetched.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _metrics?.DistributedFailures.Add(1);
            Log.FetchLockNotReleased(_logger, key, Duration, ex);
        }
    }
}
