using AkeylessSharp.Http.Internal;
using Microsoft.Extensions.Time.Testing;
using Polly.Timeout;

namespace AkeylessSharp.Tests.Http;

/// <summary>The per-attempt limit inside the retrying handler: a pooled source, linked to the request's token.</summary>
public sealed class AttemptTimeoutTests
{
    [Fact]
    public async Task Start_LimitPasses_CancelledAndClassifiedAsTimeout()
    {
        using var timeout = AttemptTimeout.Start(TimeSpan.FromMilliseconds(20), TimeProvider.System, CancellationToken.None);

        // Generous upper bound: the delay ends by the timeout, not by its own 60 s.
        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.Delay(TimeSpan.FromSeconds(60), timeout.Token));

        var timedOut = Assert.IsType<TimeoutRejectedException>(timeout.Classify(ex));
        Assert.Equal(TimeSpan.FromMilliseconds(20), timedOut.Timeout);
        Assert.Same(ex, timedOut.InnerException);
    }

    [Fact]
    public async Task Start_RequestTokenCancelled_CancelledButNotATimeout()
    {
        using var request = new CancellationTokenSource();
        using var timeout = AttemptTimeout.Start(TimeSpan.FromHours(1), TimeProvider.System, request.Token);

        await request.CancelAsync();

        Assert.True(timeout.Token.IsCancellationRequested);
        var canceled = new OperationCanceledException(timeout.Token);
        Assert.Same(canceled, timeout.Classify(canceled));
    }

    [Fact]
    public void Classify_OtherFailureOrNotFired_Unchanged()
    {
        using var timeout = AttemptTimeout.Start(TimeSpan.FromHours(1), TimeProvider.System, CancellationToken.None);
        var network = new HttpRequestException("reset");
        var canceled = new OperationCanceledException();

        Assert.Same(network, timeout.Classify(network));
        Assert.Same(canceled, timeout.Classify(canceled));
    }

    [Fact]
    public async Task Start_AfterSourcesFiredCancelledOrEnded_NeverStartsCancelledNorHearsAnOldRequest()
    {
        for (int i = 0; i < 20; i++)
        {
            var fired = AttemptTimeout.Start(TimeSpan.FromMilliseconds(1), TimeProvider.System, CancellationToken.None);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.Delay(TimeSpan.FromSeconds(60), fired.Token));
            fired.Dispose();

            using var cancelledRequest = new CancellationTokenSource();
            var cancelled = AttemptTimeout.Start(TimeSpan.FromHours(1), TimeProvider.System, cancelledRequest.Token);
            await cancelledRequest.CancelAsync();
            cancelled.Dispose();

            // Ended without firing: its source goes back to the pool; the request it was linked to is cancelled afterwards.
            using var oldRequest = new CancellationTokenSource();
            AttemptTimeout.Start(TimeSpan.FromHours(1), TimeProvider.System, oldRequest.Token).Dispose();

            using var next = AttemptTimeout.Start(TimeSpan.FromHours(1), TimeProvider.System, CancellationToken.None);
            await oldRequest.CancelAsync();

            Assert.False(next.Token.IsCancellationRequested);
            Assert.True(next.Token.CanBeCanceled);
        }
    }

    [Fact]
    public void Start_OtherTimeProvider_FiresOnItsClock()
    {
        var time = new FakeTimeProvider();
        using var timeout = AttemptTimeout.Start(TimeSpan.FromSeconds(10), time, CancellationToken.None);

        time.Advance(TimeSpan.FromSeconds(9));
        Assert.False(timeout.Token.IsCancellationRequested);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(timeout.Token.IsCancellationRequested);
        Assert.IsType<TimeoutRejectedException>(timeout.Classify(new OperationCanceledException(timeout.Token)));
    }
}
