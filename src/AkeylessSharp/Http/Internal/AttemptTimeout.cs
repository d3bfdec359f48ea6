using Polly.Timeout;

namespace AkeylessSharp.Http.Internal;

/// <summary>
/// The limit on one attempt (<see cref="AkeylessClientOptions.AttemptTimeout"/>), body read included: a <see cref="CallTimeout"/>
/// (pooled on the system clock) that the request's own token also cancels. Replaces Polly's timeout strategy inside
/// <see cref="ResilientSendHandler"/>'s attempt, with the same outcome: a <see cref="TimeoutRejectedException"/> that the
/// retry treats as transient, and that ends as <see cref="AkeylessTimeoutException"/>.
/// </summary>
internal readonly struct AttemptTimeout : IDisposable
{
    private readonly CallTimeout _timeout;
    private readonly CancellationTokenRegistration _link;
    private readonly CancellationToken _outer;
    private readonly TimeSpan _limit;

    private AttemptTimeout(CallTimeout timeout, CancellationTokenRegistration link, CancellationToken outer, TimeSpan limit)
    {
        _timeout = timeout;
        _link = link;
        _outer = outer;
        _limit = limit;
    }

    /// <summary>Cancelled when the limit passes or the request's own token is cancelled.</summary>
    public CancellationToken Token => _timeout.Token;

    public static AttemptTimeout Start(TimeSpan limit, TimeProvider timeProvider, CancellationToken outer)
    {
        var timeout = CallTimeout.Start(limit, timeProvider);
        var link = outer.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), timeout.Source);
        return new AttemptTimeout(timeout, link, outer, limit);
    }

    /// <summary>
    /// <paramref name="exception"/>, or the timeout it stands for: a cancellation caused by this limit rather than by
    /// the request's token (Polly's timeout strategy's rule and message).
    /// </summary>
    public Exception Classify(Exception exception) =>
        exception is OperationCanceledException && _timeout.IsCancellationRequested && !_outer.IsCancellationRequested
            ? new TimeoutRejectedException($"The operation didn't complete within the allowed timeout of '{_limit}'.", _limit, exception)
            : exception;

    /// <summary>Unlinks first, so nothing can cancel the source once it is back in the pool.</summary>
    public void Dispose()
    {
        _link.Dispose();
        _timeout.Dispose();
    }
}
