using System.Collections.Concurrent;

namespace AkeylessSharp.Http.Internal;

/// <summary>
/// The timeout of one logical call (<see cref="AkeylessClientOptions.Timeout"/>), linked to the caller's token when it
/// can be cancelled. On the system clock its source comes from a pool and goes back to it when it never fired
/// (<see cref="CancellationTokenSource.TryReset"/> keeps its timer), so a call costs no source and no timer of its own;
/// with another <see cref="TimeProvider"/> it is a new source.
/// </summary>
/// <remarks>Only for sources whose token nobody holds once the call ends: the call awaits everything it handed it to.</remarks>
internal readonly struct CallTimeout : IDisposable
{
    private const int MaxPooled = 256;
    private static readonly ConcurrentQueue<CancellationTokenSource> s_pool = new();
    private static int s_pooled;

    private readonly CancellationTokenSource _source;
    private readonly CancellationTokenSource? _linked;
    private readonly CancellationTokenRegistration _stop;
    private readonly bool _pooled;

    private CallTimeout(CancellationTokenSource source, CancellationTokenSource? linked, CancellationTokenRegistration stop, bool pooled)
    {
        _source = source;
        _linked = linked;
        _stop = stop;
        _pooled = pooled;
    }

    /// <summary>
    /// Cancelled when the limit passes, the caller's token is cancelled, or the client stops (<c>disposing</c>, which
    /// cancels the source itself: a caller telling a stop from a timeout checks its own disposed flag first).
    /// </summary>
    public CancellationToken Token => (_linked ?? _source).Token;

    /// <summary>The source itself, for a link that cancels it early (<see cref="AttemptTimeout"/>); unlinked before <see cref="Dispose"/>.</summary>
    internal CancellationTokenSource Source => _source;

    /// <summary>Whether the limit passed (or, for <see cref="AttemptTimeout"/>, its link cancelled the source; or the client stopped).</summary>
    public bool IsCancellationRequested => _source.IsCancellationRequested;

    public static CallTimeout Start(TimeSpan limit, TimeProvider timeProvider, CancellationToken cancellationToken = default, CancellationToken disposing = default)
    {
        var pooled = timeProvider == TimeProvider.System;
        var source = pooled ? Rent(limit) : new CancellationTokenSource(limit, timeProvider);
        var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, source.Token) : null;
        // A registration rather than a link: a long-lived source reuses its registration nodes, so this allocates nothing per call.
        var stop = disposing.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), source);
        return new CallTimeout(source, linked, stop, pooled);
    }

    public void Dispose()
    {
        // Unlinked first: nothing registered on the source, and no stop aimed at it, outlives the call.
        _stop.Dispose();
        _linked?.Dispose();
        if (_pooled && _source.TryReset())
        {
            if (Interlocked.Increment(ref s_pooled) <= MaxPooled)
            {
                s_pool.Enqueue(_source);
                return;
            }

            Interlocked.Decrement(ref s_pooled);
        }

        _source.Dispose();
    }

    private static CancellationTokenSource Rent(TimeSpan limit)
    {
        if (s_pool.TryDequeue(out var source))
        {
            Interlocked.Decrement(ref s_pooled);
        }
        else
        {
            source = new CancellationTokenSource();
        }

        source.CancelAfter(limit);
        return source;
    }
}
