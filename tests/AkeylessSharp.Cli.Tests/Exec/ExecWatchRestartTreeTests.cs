using System.Globalization;
using AkeylessSharp.Cli.Tests.Infrastructure;

namespace AkeylessSharp.Cli.Tests.Exec;

/// <summary>
/// A restart of <c>exec --watch</c> stops the whole program: the processes a <c>sh -c</c> started get the SIGTERM too,
/// instead of outliving the shell that started them (once the shell has exited, nothing would ever stop them).
/// </summary>
public sealed class ExecWatchRestartTreeTests(ExecEmulator emulator) : IClassFixture<ExecEmulator>
{
    [Fact]
    public async Task Exec_WatchRestart_StopsTheGrandchildOfTheShell()
    {
        Assert.Equal(0, (await emulator.RunInProcessAsync("set", "/watch/tree", "first")).ExitCode);
        var script = """sleep 60 >/dev/null 2>&1 & echo "$! $P"; wait""";
        var start = ProcessRun.Tool(emulator.Environment(), "exec", "--watch", "1", "--map", "P=/watch/tree", "--", "sh", "-c", script);
        using var running = RunningProcess.Start(start);
        var tool = running.Process;
        var limit = running.Limit;
        var first = (await tool.StandardOutput.ReadLineAsync(limit))!.Split(' ');
        var grandchild = int.Parse(first[0], CultureInfo.InvariantCulture);
        try
        {
            Assert.Equal("first", first[1]);
            Assert.Equal(0, (await emulator.RunInProcessAsync("set", "/watch/tree", "second")).ExitCode);

            var second = (await tool.StandardOutput.ReadLineAsync(limit))!.Split(' ');
            Kill(int.Parse(second[0], CultureInfo.InvariantCulture));

            Assert.Equal("second", second[1]);
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (IsRunning(grandchild) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20, limit);
            }

            Assert.False(IsRunning(grandchild), "the first program's grandchild outlived the restart");
        }
        finally
        {
            Kill(grandchild);
        }
    }

    // A zombie (exited, not yet reaped by a container's init) has stopped running.
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false; // reaped (FileNotFoundException, DirectoryNotFoundException) or vanishing as it is read
        }
    }

    private static void Kill(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }
}
