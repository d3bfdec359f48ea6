using System.Diagnostics;
using System.Text.Json;
using AkeylessSharp.Cli.Tests.Infrastructure;
using AkeylessSharp.Emulator;

namespace AkeylessSharp.Cli.Tests.Exec;

/// <summary><c>exec --watch</c> exits with its program when the program ends, even while a re-read waits on Akeyless.</summary>
public sealed class ExecWatchExitTests : IAsyncLifetime
{
    private AkeylessEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions
    {
        SeedJson = JsonSerializer.Serialize(new { items = new[] { new { name = "/watch/slow", type = "static", value = "v" } } }),
    });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Exec_Watch_ProgramExitsWhileAReReadWaits_ExitsAtOnceWithItsCode()
    {
        var environment = new Dictionary<string, string?>
        {
            ["AKEYLESS_API_URL"] = _emulator.BaseUrl.ToString(),
            ["AKEYLESS_ACCESS_ID"] = _emulator.AccessId,
            ["AKEYLESS_ACCESS_KEY"] = _emulator.AccessKey,
        };
        var start = ProcessRun.Tool(environment, "exec", "--watch", "1", "--map", "P=/watch/slow", "--", "sh", "-c", "echo started; read line; exit 7");
        using var running = RunningProcess.Start(start, redirectInput: true);
        var tool = running.Process;
        Assert.Equal("started", await tool.StandardOutput.ReadLineAsync(running.Limit));

        // Akeyless stops answering; once the watch's re-read is waiting on it, the program exits.
        _emulator.Faults.AddLatency("get-secret-value", EmulatorFaults.MaxLatency);
        while (_emulator.Counters.Get("get-secret-value") < 2)
        {
            await Task.Delay(20, running.Limit);
        }

        await tool.StandardInput.WriteLineAsync("go");
        await tool.StandardInput.FlushAsync(running.Limit);
        var watch = Stopwatch.StartNew();
        await tool.WaitForExitAsync(running.Limit);

        Assert.Equal(7, tool.ExitCode);

        // Generous: without the fix the tool waited for the read's 10 s attempt timeout, then its retries.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"exec exited {watch.Elapsed} after its program");
    }
}
