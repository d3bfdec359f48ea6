namespace AkeylessSharp.Caching.Internal;

/// <summary>
/// Keeps callers off a failing backend for a while: after a failure the breaker opens for the break duration,
/// then lets exactly one probe through; the probe's success closes it, its failure opens it again.
/// Lock-free: the state is one timestamp, 0 when closed.
/// </summary>
internal sealed class CircuitBreaker(TimeProvider timeProvider, TimeSpan breakDuration)
{
    private long _openUntil;

    public bool IsClosed => Volatile.Read(ref _openUntil) == 0;

    /// <summary>Whether a call may go to the backend; <paramref name="probe"/> tells the caller it is the half-open probe.</summary>
    public bool TryEnter(out bool probe)
    {
        probe = false;
        long until = Volatile.Read(ref _openUntil);
        if (until == 0)
        {
            return true;
        }

        long now = timeProvider.GetTimestamp();
        if (now < until)
        {
            return false;
        }

        // Pushing the deadline forward claims the probe; everyone else keeps using the fallback meanwhile.
        probe = Interlocked.CompareExchange(ref _openUntil, Timestamps.Add(timeProvider, now, breakDuration), until) == until;
        return probe;
    }

    /// <summary>Records a success; returns <see langword="true"/> when it closed the breaker.</summary>
    public bool OnSuccess(bool probe) => probe && Interlocked.Exchange(ref _openUntil, 0) != 0;

    /// <summary>Records a failure; returns <see langword="true"/> when it opened a closed breaker.</summary>
    public bool OnFailure() => Interlocked.Exchange(ref _openUntil, Math.Max(1, Timestamps.After(timeProvider, breakDuration))) == 0;
}
