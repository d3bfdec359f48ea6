using System.Diagnostics;
using AkeylessSharp.Emulator.Tests.Infrastructure;

namespace AkeylessSharp.Emulator.Tests.Faults;

/// <summary>A request held by injected latency does not hold up stopping the emulator.</summary>
public sealed class LatencyShutdownTests
{
    [Fact]
    public async Task Dispose_WhileARequestWaitsOnInjectedLatency_EndsThatRequestAndStopsPromptly()
    {
        var emulator = await AkeylessEmulator.StartAsync();
        using var client = await EmulatorClient.ConnectAsync(emulator);
        emulator.Faults.AddLatency("describe-item", EmulatorFaults.MaxLatency);
        using var http = new HttpClient { BaseAddress = emulator.BaseUrl, Timeout = TimeSpan.FromMinutes(2) };
        var pending = http.PostAsync("describe-item", new StringContent("{}"));
        await WaitUntilAsync(() => emulator.Counters.Snapshot().GetValueOrDefault("describe-item") > 0 || pending.IsCompleted);

        var watch = Stopwatch.StartNew();
        await emulator.DisposeAsync();

        // Generous: the host's own shutdown timeout, which the held request used to run out, was 30 s (5 s now).
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {watch.Elapsed}");
        await Assert.ThrowsAsync<HttpRequestException>(() => pending);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var limit = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(limit.Elapsed < TimeSpan.FromSeconds(30), "the request never reached the emulator");
            await Task.Delay(10);
        }
    }
}
