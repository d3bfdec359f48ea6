using System.Diagnostics;
using AkeylessSharp.Emulator.Tests.Infrastructure;
using AkeylessSharp.Tests.Shared;

namespace AkeylessSharp.Emulator.Tests.Hosting;

/// <summary>What --help promises: SIGTERM stops akeyless-emulator with exit code 0, promptly even with a client stalled mid-request.</summary>
public sealed class ToolShutdownTests : IDisposable
{
    private readonly TempDirectory _dir = new("akeyless-tool-stop-");

    [Fact]
    public async Task Sigterm_WithAClientStalledMidRequest_ExitsZeroPromptly()
    {
        var (process, url) = await ToolProcess.StartListeningAsync(["--data", _dir.File("emulator.db")]);
        using var started = process;
        try
        {
            using var stalled = await RawConnection.OpenAsync(url);
            await stalled.SendAsync("POST /api/v2/describe-item HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{\"na");
            await Task.Delay(200);

            var watch = Stopwatch.StartNew();
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(limit.Token);

            Assert.Equal(0, process.ExitCode);

            // Generous: the host's shutdown timeout used to be 30 s.
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"stopping took {watch.Elapsed}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    public void Dispose() => _dir.Dispose();
}
