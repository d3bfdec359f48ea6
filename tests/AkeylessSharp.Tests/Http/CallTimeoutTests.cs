using AkeylessSharp.Http.Internal;
using Microsoft.Extensions.Time.Testing;

namespace AkeylessSharp.Tests.Http;

public sealed class CallTimeoutTests
{
    [Fact]
    public async Task Start_SystemClock_FiresAfterTheLimit()
    {
        using var timeout = CallTimeout.Start(TimeSpan.FromMilliseconds(20), TimeProvider.System);

        // Generous upper bound: the delay ends by the timeout, not by its own 60 s.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.Delay(TimeSpan.FromSeconds(60), timeout.Token));
        Assert.True(timeout.IsCancellationRequested);
    }

    [Fact]
    public async Task Start_AfterSourcesEndedFiredOrNot_IsNeverAlreadyCancelled()
    {
        for (int i = 0; i < 20; i++)
        {
            var fired = CallTimeout.Start(TimeSpan.FromMilliseconds(1), TimeProvider.System);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.Delay(TimeSpan.FromSeconds(60), fired.Token));
            fired.Dispose();
            var ended = CallTimeout.Start(TimeSpan.FromHours(1), TimeProvider.System);
            ended.Dispose();

            using var next = CallTimeout.Start(TimeSpan.FromHours(1), TimeProvider.System);
            Assert.False(next.IsCancellationRequested);
            Assert.True(next.Token.CanBeCanceled);
        }
    }

    [Fact]
    public async Task Start_CallerCancels_TokenCancelledButTheLimitDidNotPass()
    {
        using var caller = new CancellationTokenSource();
        using var timeout = CallTimeout.Start(TimeSpan.FromHours(1), TimeProvider.System, caller.Token);

        await caller.CancelAsync();

        Assert.True(timeout.Token.IsCancellationRequested);
        Assert.False(timeout.IsCancellationRequested);
    }

    [Fact]
    public async Task Dispose_LinkedToACaller_NextCallNeverHearsThatCaller()
    {
        for (int i = 0; i < 20; i++)
        {
            using var oldCaller = new CancellationTokenSource();
            CallTimeout.Start(TimeSpan.FromHours(1), TimeProvider.System, oldCaller.Token).Dispose();

            using var next = CallTimeout.Start(TimeSpan.FromHours(1), TimeProvider.System);
            await oldCaller.CancelAsync();

            Assert.False(next.Token.IsCancellationRequested);
        }
    }

    [Fact]
    public void Start_OtherTimeProvider_FiresOnItsClock()
    {
        var time = new FakeTimeProvider();
        using var timeout = CallTimeout.Start(TimeSpan.FromSeconds(30), time);

        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(timeout.IsCancellationRequested);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(timeout.IsCancellationRequested);
    }
}
