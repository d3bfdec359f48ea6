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
    }

    /// <summary>How long a lock lives when its holder never releases it; also how long others wait for the holder's value.</summary>
    public TimeSpan Duration { get; }

    /// <summary>How often a waiting instance looks for the holder's value.</summary>
    public TimeSpan PollInterval { get; }

    public async ValueTask<FetchLockAttempt> TryAcquireAsync(string key, CancellationToken cancellationToken)
    {
        if (!_guard.TryEnter(out bool probe))
        {
            return FetchLockAttempt.Unavailable;
        }

        // A lock taken after the timeout gave up on it is never released here: it expires after its duration.
        var outcome = await _guard.RunAsync(
            probe,
            (Lock: this, Key: key),
            static (s, ct) => s.Lock._guard.WithTimeout(s.Lock._inner.TryAcquireAsync(s.Key, s.Lock.Duration, ct).AsTask(), ct),
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
}
