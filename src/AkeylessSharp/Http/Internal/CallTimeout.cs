using System.Collections.Concurrent;

namespace AkeylessSharp.Http.Internal;

/// <summary>
/// The timeout of one logical call (<see cref="AkeylessClientOptions.Timeout"/>). On the system clock its source comes
/// from a pool and goes back to it when it never fired (<see cref="CancellationTokenSource.TryReset"/> keeps its timer),
/// so a call costs no source and no timer of its own; with another <see cref="TimeProvider"/> it is a new source.
/// </summary>
/// <remarks>Only for sources whose token nobody holds once the call ends: the call awaits everything it handed it to.</remarks>
internal readonly struct CallTimeout : IDisposable
{
    private const int MaxPooled = 256;
    private static readonly ConcurrentQueue<CancellationTokenSource> s_pool = new();
    private static int s_pooled;

    private readonly CancellationTokenSource _source;
    private readonly bool _pooled;

    private CallTimeout(CancellationTokenSource source, bool pooled)
    {
        _source = source;
        _pooled = pooled;
    }

    public CancellationToken Token => _source.Token;

    /// <summary>The source itself, for a link that cancels it early (<see cref="AttemptTimeout"/>); unlinked before <see cref="Dispose"/>.</summary>
    internal CancellationTokenSource Source => _source;

    public bool IsCancellationRequested => _source.IsCancellationRequested;

    public static CallTimeout Start(TimeSpan limit, TimeProvider timeProvider)
    {
        if (timeProvider != TimeProvider.System)
        {
            return new CallTimeout(new CancellationTokenSource(limit, timeProvider), pooled: false);
        }

        if (s_pool.TryDequeue(out var source))
        {
            Interlocked.Decrement(ref s_pooled);
        }
        else
        {
            source = new CancellationTokenSource();
        }

        source.CancelAfter(limit);
        return new CallTimeout(source, pooled: true);
    }

    public void Dispose()
    {
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
}
