using System.Diagnostics;
using AkeylessSharp.Emulator.Tests.Infrastructure;

namespace AkeylessSharp.Emulator.Tests.Hosting;

/// <summary>Stopping the emulator does not wait on clients that stall halfway through a request.</summary>
public sealed class ShutdownWithRequestsInFlightTests
{
    [Theory]
    [InlineData("/api/v2/describe-item")]
    [InlineData("/__emulator/faults")]
    public async Task Dispose_WhileAClientStallsMidBody_StopsPromptly(string path)
    {
        var emulator = await AkeylessEmulator.StartAsync();
        using var stalled = await RawConnection.OpenAsync(emulator.BaseUrl);
        await stalled.SendAsync(
            $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Akeyless-Emulator: 1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{\"name\":");
        using var idle = await RawConnection.OpenAsync(emulator.BaseUrl);
        await Task.Delay(200);

        var watch = Stopwatch.StartNew();
        await emulator.DisposeAsync();
        await emulator.DisposeAsync();

        // Generous: the host's shutdown timeout, which a stalled request would run out, was 30 s and is 5 s.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {watch.Elapsed}");
    }

    [Fact]
    public async Task Dispose_WhileAClientStallsMidHeaders_StopsPromptly()
    {
        var emulator = await AkeylessEmulator.StartAsync();
        using var stalled = await RawConnection.OpenAsync(emulator.BaseUrl);
        await stalled.SendAsync("POST /api/v2/describe-item HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty");
        await Task.Delay(200);

        var watch = Stopwatch.StartNew();
        await emulator.DisposeAsync();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {watch.Elapsed}");
    }
}
