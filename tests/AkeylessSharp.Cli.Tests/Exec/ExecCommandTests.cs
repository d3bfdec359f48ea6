using System.Text.Json;
using AkeylessSharp.Emulator;
using AkeylessSharp.Cli.Tests.Infrastructure;

namespace AkeylessSharp.Cli.Tests.Exec;

/// <summary><c>exec</c> driven as a real process against the emulator: environment, exit codes, stdin, signals, failures.</summary>
public sealed class ExecCommandTests(ExecEmulator emulator) : IClassFixture<ExecEmulator>
{
    [Fact]
    public async Task Exec_Map_ProgramSeesTheExactValueInItsEnvironment()
    {
        var result = await emulator.RunToolAsync(null, "exec", "--map", "DB_PASSWORD=/demo/db/password", "--", "sh", "-c", """printf %s "$DB_PASSWORD" """);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(ExecEmulator.DbPassword, result.OutText);
        Assert.Equal(string.Empty, result.Error);
    }

    [Theory]
    [InlineData(ExecEmulator.DbPassword, 0)]
    [InlineData("not the password", 1)]
    public async Task Exec_TestInProgram_PassesOnlyWhenTheValueMatches(string expected, int exitCode)
    {
        var result = await emulator.RunToolAsync(null, "exec", "--map", "DB_PASSWORD=/demo/db/password", "--", "sh", "-c", """test "$DB_PASSWORD" = "$1" """, "sh", expected);

        Assert.Equal(exitCode, result.ExitCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(42)]
    [InlineData(255)]
    public async Task Exec_ExitsWithTheProgramsExitCode(int code)
    {
        var result = await emulator.RunToolAsync(null, "exec", "--map", "KEY=/demo/api/key", "--", "sh", "-c", $"exit {code}");

        Assert.Equal(code, result.ExitCode);
    }

    [Fact]
    public async Task Exec_ProgramKilledBySignal_Exits128PlusSignal()
    {
        var result = await emulator.RunToolAsync(null, "exec", "--map", "KEY=/demo/api/key", "--", "sh", "-c", "kill -TERM $$");

        Assert.Equal(128 + 15, result.ExitCode);
    }

    [Fact]
    public async Task Exec_StandardInput_ReachesTheProgram()
    {
        var result = await emulator.RunToolAsync("line1\nline2\n", "exec", "--map", "KEY=/demo/api/key", "--", "sh", "-c", """cat; printf '|%s' "$KEY" """);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("line1\nline2\n|" + ExecEmulator.ApiKey, result.OutText);
    }

    [Fact]
    public async Task Exec_SecretsAreNotInTheProgramsArguments_NorTheToolsCredentials()
    {
        var result = await emulator.RunToolAsync(null, "exec", "--map", "KEY=/demo/api/key", "--", "sh", "-c",
            """printf '%s|%s|%s' "$*" "${AKEYLESS_ACCESS_KEY-unset}" "${AKEYLESS_ACCESS_ID-unset}" """, "sh", "arg1");

        Assert.Equal(0, result.ExitCode);
        var parts = result.OutText.Split('|');
        Assert.Equal("arg1", parts[0]);
        Assert.Equal("unset", parts[1]);
        Assert.StartsWith("p-", parts[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TERM", 7)]
    [InlineData("INT", 8)]
    [InlineData("HUP", 9)]
    public async Task Exec_SignalToTheTool_IsForwardedAndItsExitCodeReturned(string signal, int code)
    {
        var script = $"trap 'echo got-{signal}; exit {code}' {signal}; echo ready; while :; do sleep 0.05; done";
        var start = ProcessRun.Tool(emulator.Environment(), "exec", "--map", "KEY=/demo/api/key", "--", "sh", "-c", script);
        using var running = RunningProcess.Start(start, redirectInput: true);
        var tool = running.Process;
        var limit = running.Limit;
        var error = tool.StandardError.ReadToEndAsync(limit);
        Assert.Equal("ready", await tool.StandardOutput.ReadLineAsync(limit));

        await ProcessRun.SignalAsync(tool, signal, limit);

        var rest = await tool.StandardOutput.ReadToEndAsync(limit);
        await tool.WaitForExitAsync(limit);

        Assert.Equal($"got-{signal}\n", rest);
        Assert.Equal(code, tool.ExitCode);
        Assert.Equal(string.Empty, await error);
    }

    [Fact]
    public async Task Exec_MissingSecrets_FailBeforeTheProgramStarts_NamingEveryPath()
    {
        var result = await emulator.RunToolAsync(null, "exec", "--map", "A=/demo/api/key", "--map", "B=/nope/one", "--map", "C=/nope/two", "--", "sh", "-c", "echo started");

        Assert.Equal(4, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Contains("/nope/one", result.Error, StringComparison.Ordinal);
        Assert.Contains("/nope/two", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(ExecEmulator.ApiKey, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exec_PrefixNameCollision_IsUsageErrorNamingBothPaths()
    {
        var result = await emulator.RunToolAsync(null, "exec", "--path", "/coll", "--", "sh", "-c", "echo started");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Contains("/coll/a-b", result.Error, StringComparison.Ordinal);
        Assert.Contains("/coll/a_b", result.Error, StringComparison.Ordinal);
        Assert.Contains("A_B", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("one", result.Error.Replace("set one", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exec_PathPrefixAndJsonExpand_SetDocumentedNames()
    {
        var result = await emulator.RunToolAsync(null, "exec", "--path", "/demo/", "--json-expand", "--", "sh", "-c",
            """printf '%s|%s|%s|%s|%s|%s' "$API_KEY" "$APP_CONFIG_DB_HOST" "$APP_CONFIG_DB_PORT" "$APP_CONFIG_DEBUG" "$APP_CONFIG_TAGS" "${APP_CONFIG_NONE-unset}" """);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(ExecEmulator.ApiKey + "|db.local|5432|true|[\"a\"]|", result.OutText);
    }

    [Fact]
    public async Task Exec_ProgramNotFound_Exits127()
    {
        var result = await emulator.RunToolAsync(null, "exec", "--map", "KEY=/demo/api/key", "--", "no-such-program-akeyless-sharp");

        Assert.Equal(127, result.ExitCode);
        Assert.Equal("error: cannot start 'no-such-program-akeyless-sharp': not found on the PATH. Check the name, the PATH and the working directory.", result.Error.Trim());
    }

    [Fact]
    public async Task Exec_ProgramNotExecutable_Exits126NamingIt()
    {
        using var file = await TempFile.WithTextAsync("#!/bin/sh\necho started\n");

        var result = await emulator.RunToolAsync(null, "exec", "--map", "KEY=/demo/api/key", "--", file.Path);

        Assert.Equal(126, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Equal($"error: cannot run '{file.Path}': permission denied. Check that it is an executable file (chmod +x) and that you may run it.\n", result.Error);
    }

    [Fact]
    public async Task Exec_ProgramInAFormatTheSystemCannotRun_Exits126NamingIt()
    {
        using var file = await TempFile.WithBytesAsync([0x7F, (byte)'E', (byte)'L', (byte)'F', 0, 1, 2, 3]);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file.Path, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        var result = await emulator.RunToolAsync(null, "exec", "--map", "KEY=/demo/api/key", "--", file.Path);

        Assert.True(result.ExitCode == 126, result.ToString());
        Assert.Empty(result.Out);
        Assert.StartsWith($"error: cannot run '{file.Path}': exec format error", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exec_ProgramIsADirectory_Exits126NamingIt()
    {
        var directory = Path.GetTempPath().TrimEnd('/');

        var result = await emulator.RunToolAsync(null, "exec", "--map", "KEY=/demo/api/key", "--", directory);

        Assert.Equal(126, result.ExitCode);
        Assert.Equal($"error: cannot run '{directory}': it is a directory, not a program.\n", result.Error);
    }

    [Fact]
    public async Task Exec_SecretTooLargeForAnEnvironmentVariable_Exits126NamingItNotItsValue()
    {
        // Linux refuses one environment string over 128 KiB (MAX_ARG_STRLEN); Akeyless and this emulator can hold more.
        var value = new string('v', 200 * 1024);
        var seed = JsonSerializer.Serialize(new { items = new[] { new { name = "/big/blob", type = "static", value } } });
        await using var big = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { SeedJson = seed, MaxValueBytes = 256 * 1024 });
        var environment = new Dictionary<string, string?>
        {
            ["AKEYLESS_API_URL"] = big.BaseUrl.ToString(),
            ["AKEYLESS_ACCESS_ID"] = big.AccessId,
            ["AKEYLESS_ACCESS_KEY"] = big.AccessKey,
        };

        var result = await ProcessRun.RunAsync(ProcessRun.Tool(environment, "exec", "--map", "BLOB=/big/blob", "--", "sh", "-c", "echo started"));

        Assert.Equal(126, result.ExitCode);
        Assert.Empty(result.Out);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: cannot start 'sh': the system refused its environment as too large", line, StringComparison.Ordinal);
        Assert.Contains("the largest is BLOB, 204800 bytes", line, StringComparison.Ordinal);
        Assert.DoesNotContain("vvvv", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exec_ValueWithNul_IsUsageErrorNamingTheVariable_BeforeTheProgramRuns()
    {
        var marker = Path.Combine(Path.GetTempPath(), $"akeyless-exec-{Guid.NewGuid():N}");

        var result = await emulator.RunToolAsync(null, "exec", "--map", "WITH_NUL=/nul/value", "--", "touch", marker);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: the value of WITH_NUL contains a NUL character, which an environment variable cannot hold.\n", result.Error);
        Assert.False(File.Exists(marker), "the program ran with a value it cannot be given");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public async Task Exec_EmptyProgram_IsUsageError(string program)
    {
        var result = await emulator.RunInProcessAsync("exec", "--map", "KEY=/demo/api/key", "--", program);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: the program to run is empty", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(ExecEmulator.ApiKey, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("exit 300", 300 & 0xFF)]
    [InlineData("kill -KILL $$", 128 + 9)]
    [InlineData("kill -HUP $$", 128 + 1)]
    public async Task Exec_ExitBeyondAByteOrBySignal_ReportsWhatAShellWould(string script, int expected)
    {
        var result = await emulator.RunToolAsync(null, "exec", "--map", "KEY=/demo/api/key", "--", "sh", "-c", script);

        Assert.Equal(expected, result.ExitCode);
    }

    [Fact]
    public async Task Exec_OptionsAfterDoubleDash_AreTheProgramsNotTheTools()
    {
        var result = await emulator.RunToolAsync(null, "exec", "--map", "KEY=/demo/api/key", "--", "sh", "-c", """printf '%s|' "$@" """, "sh", "--map", "--help", "--", "-o");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("--map|--help|--|-o|", result.OutText);
    }

    [Fact]
    public async Task Exec_Watch_RestartsTheProgramWhenASecretChanges_AndStopsOnSigterm()
    {
        // The trap is set before the line the test waits for, or a SIGTERM right after it could find the shell without it.
        var script = """trap 'exit 0' TERM; echo "value=$P"; while :; do sleep 0.05; done""";
        var start = ProcessRun.Tool(emulator.Environment(), "exec", "--watch", "1", "--map", "P=/watch/value", "--", "sh", "-c", script);
        using var running = RunningProcess.Start(start);
        var tool = running.Process;
        var limit = running.Limit;
        var error = tool.StandardError.ReadToEndAsync(limit);
        Assert.Equal("value=first", await tool.StandardOutput.ReadLineAsync(limit));

        var write = await emulator.RunInProcessAsync("set", "/watch/value", "second");
        Assert.Equal(0, write.ExitCode);

        // The next tick sees the change: the program is stopped and started again with the new value.
        Assert.Equal("value=second", await tool.StandardOutput.ReadLineAsync(limit));
        await ProcessRun.SignalAsync(tool, "TERM", limit);

        await tool.WaitForExitAsync(limit);
        Assert.Equal(0, tool.ExitCode);
        Assert.Contains("restarting the program", await error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exec_WatchReadFails_ProgramKeepsRunningWithItsValues_ThenRestartsOnTheNextChange()
    {
        var script = """trap 'exit 0' TERM; echo "value=$P"; while :; do sleep 0.05; done""";
        var start = ProcessRun.Tool(emulator.Environment(), "exec", "--watch", "1", "--map", "P=/watch/flaky", "--", "sh", "-c", script);
        using var running = RunningProcess.Start(start);
        var tool = running.Process;
        var limit = running.Limit;
        Assert.Equal("value=before", await tool.StandardOutput.ReadLineAsync(limit));

        // The secret disappears: the next read fails, which is a warning, and the program goes on.
        Assert.Equal(0, (await emulator.RunInProcessAsync("delete", "/watch/flaky", "--yes")).ExitCode);
        var warning = await tool.StandardError.ReadLineAsync(limit);
        Assert.StartsWith("warning: reading the secrets again failed, the program keeps its values: ", warning, StringComparison.Ordinal);
        Assert.Contains("/watch/flaky", warning, StringComparison.Ordinal);
        Assert.False(tool.HasExited);

        // It comes back with another value: that is a change, and the program restarts with it.
        Assert.Equal(0, (await emulator.RunInProcessAsync("set", "/watch/flaky", "after")).ExitCode);
        Assert.Equal("value=after", await tool.StandardOutput.ReadLineAsync(limit));
        await ProcessRun.SignalAsync(tool, "TERM", limit);

        await tool.WaitForExitAsync(limit);
        Assert.Equal(0, tool.ExitCode);
        var rest = await tool.StandardError.ReadToEndAsync(limit);
        Assert.Contains("restarting the program", rest, StringComparison.Ordinal);
        Assert.DoesNotContain("before", rest + warning, StringComparison.Ordinal);
        Assert.DoesNotContain("after", rest, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("50d")]
    [InlineData("9999999999999d")]
    public async Task Exec_WatchWithBadInterval_IsUsageErrorBeforeTheProgramRuns(string interval)
    {
        var marker = Path.Combine(Path.GetTempPath(), $"akeyless-exec-{Guid.NewGuid():N}");

        var result = await emulator.RunInProcessAsync("exec", "--watch", interval, "--map", "K=/demo/api/key", "--", "touch", marker);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: --watch '{interval}' ", Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.False(File.Exists(marker), "the program ran although --watch was refused");
    }
}
