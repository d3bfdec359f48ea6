using AkeylessSharp.Caching;
using AkeylessSharp.Tests.Infrastructure;

namespace AkeylessSharp.Tests.Hardening;

/// <summary>
/// A caller that cancels while its micro-batch is in flight gets its <see cref="OperationCanceledException"/>; the batch
/// still serves the other paths it carries, and its later failure is not left behind as an unobserved task exception.
/// </summary>
public sealed class BatchCancellationTests : IAsyncLifetime
{
    private static readonly TimeSpan s_window = new AkeylessCacheOptions().BatchWindow;
    private EmulatorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task CallerCancelling_WhileItsBatchIsInFlight_GetsCanceled_AndTheOtherPathsGetTheirValues()
    {
        using var client = await InFlightBatchClientAsync();
        using var cancel = new CancellationTokenSource();
        var leaving = client.GetSecretAsync(EmulatorHarness.StaticPath, cancellationToken: cancel.Token).AsTask();
        var staying = client.GetSecretAsync("/app/other").AsTask();
        await SendTheBatchAsync();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        Assert.Equal("other", await staying.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, _harness.Emulator.Counters.Get("get-secret-value"));
    }

    [Fact]
    public async Task BatchFailing_AfterACallerCancelled_LeavesNoUnobservedTaskException()
    {
        using var unobserved = new UnobservedTaskExceptions();
        using var client = await InFlightBatchClientAsync();
        _harness.Emulator.Faults.FailNext("get-secret-value", 1, 400);
        Exception batchFailure;
        using (var cancel = new CancellationTokenSource())
        {
            var leaving = client.GetSecretAsync(EmulatorHarness.StaticPath, cancellationToken: cancel.Token).AsTask();
            var staying = client.GetSecretAsync("/app/other").AsTask();
            await SendTheBatchAsync();
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);

            // The other caller sees the batch fail, so it has failed for every path: then nothing holds its tasks.
            batchFailure = await Assert.ThrowsAsync<AkeylessBadRequestException>(() => staying.WaitAsync(TimeSpan.FromSeconds(10)));
        }

        Assert.False(await unobserved.WasUnobservedAfterCollectionAsync(batchFailure));
    }

    /// <summary>A batching client whose reads the emulator answers only after 500 ms, so a batch stays in flight.</summary>
    private async Task<AkeylessClient> InFlightBatchClientAsync()
    {
        var client = _harness.Client(o => o.Cache = new AkeylessCacheOptions());
        await client.TestConnectionAsync();
        _harness.Emulator.Counters.Reset();
        _harness.Emulator.Faults.AddLatency("get-secret-value", TimeSpan.FromMilliseconds(500));
        return client;
    }

    /// <summary>Ends the batch window on the fake clock and waits until the batch has reached the emulator.</summary>
    private async Task SendTheBatchAsync()
    {
        _harness.Time.Advance(s_window);
        for (int i = 0; i < 400 && _harness.Emulator.Counters.Get("get-secret-value") == 0; i++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(1, _harness.Emulator.Counters.Get("get-secret-value"));
    }
}
