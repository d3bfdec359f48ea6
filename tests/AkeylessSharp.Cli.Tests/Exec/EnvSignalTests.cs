using System.Net;
using System.Net.Sockets;
using AkeylessSharp.Cli.Tests.Infrastructure;

namespace AkeylessSharp.Cli.Tests.Exec;

/// <summary>
/// A command stopped by a signal while it waits for Akeyless (here <c>env</c>, against a loopback server that accepts
/// and never answers) exits as shells report it: 143 for SIGTERM, 130 for SIGINT, with nothing on standard output.
/// </summary>
public sealed class EnvSignalTests
{
    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("INT", 130)]
    public async Task Env_SignalWhileWaitingForAkeyless_ExitsWith128PlusTheSignal(string signal, int expected)
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var environment = new Dictionary<string, string?>
        {
            ["AKEYLESS_API_URL"] = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/",
            ["AKEYLESS_ACCESS_ID"] = "p-abc123",
            ["AKEYLESS_ACCESS_KEY"] = "a2V5",
        };
        var start = ProcessRun.Tool(environment, "env", "--map", "KEY=/demo/api/key");
        using var running = RunningProcess.Start(start, redirectInput: true);
        var tool = running.Process;
        var limit = running.Limit;
        var output = tool.StandardOutput.ReadToEndAsync(limit);
        var error = tool.StandardError.ReadToEndAsync(limit);
        // Once the tool has connected, it is inside the command, waiting for an answer that never comes.
        using var connection = await silent.AcceptTcpClientAsync(limit);

        await ProcessRun.SignalAsync(tool, signal, limit);

        await tool.WaitForExitAsync(limit);

        Assert.Equal(expected, tool.ExitCode);
        Assert.Equal(string.Empty, await output);
        Assert.Equal("error: cancelled.\n", await error);
    }
}
