using System.ComponentModel;
using System.Diagnostics;
using AkeylessSharp.Cli.Infrastructure;
using AkeylessSharp.Cli.Output;
using AkeylessSharp.Cli.Settings;
using AkeylessSharp.Internal;

namespace AkeylessSharp.Cli.Exec;

/// <summary>
/// Runs the program of <c>exec</c>: the secrets go only into its environment (never its arguments), it shares this
/// process's standard input, output and error, receives the signals this process receives, and its exit code becomes
/// this process's (128 + the signal number when a signal ended it, as shells report it). With a watch interval the
/// secrets are read again on each tick, and a change restarts the program with the new values.
/// </summary>
internal sealed class ChildProcess(IReadOnlyList<string> command, CliConsole console, IReadOnlyList<string> credentialVariables)
{
    /// <summary>How long a program stopped for a restart has to exit after SIGTERM before it is killed.</summary>
    private static readonly TimeSpan RestartGrace = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The tool's own credentials (with the variable <c>--jwt-env</c> names): the program gets the secrets it was given,
    /// not the key to all of them.
    /// </summary>
    private static readonly string[] s_credentialVariables =
        [AkeylessEnvironmentVariables.AccessKey, AkeylessEnvironmentVariables.UidToken, AkeylessEnvironmentVariables.Jwt, AkeylessEnvironmentVariables.ConnectionString];

    public async Task<int> RunAsync(IReadOnlyList<KeyValuePair<string, string>> variables, SecretWatch? watch)
    {
        using var signals = new SignalForwarder();
        while (true)
        {
            var (process, failure) = await TryStartAsync(variables).ConfigureAwait(false);
            if (process is null)
            {
                return failure;
            }

            using var started = process;
            signals.Attach(process);
            var exited = process.WaitForExitAsync(CancellationToken.None);
            var changed = watch is null ? null : await watch.WaitForChangeAsync(variables, exited, () => signals.StopRequested).ConfigureAwait(false);
            if (changed is null)
            {
                await exited.ConfigureAwait(false);
                return process.ExitCode;
            }

            await console.Error.WriteLineAsync("note: the secrets changed; restarting the program.").ConfigureAwait(false);
            signals.Detach();
            await StopAsync(process, signals, exited).ConfigureAwait(false);
            if (signals.StopRequested)
            {
                // Asked to stop while the program was being restarted: stop here.
                return process.ExitCode;
            }

            variables = changed;
        }
    }

    private async Task<(Process? Process, int Failure)> TryStartAsync(IReadOnlyList<KeyValuePair<string, string>> variables)
    {
        EnvFormat.Validate(variables);
        var program = command[0];
        if (string.IsNullOrWhiteSpace(program))
        {
            throw new CliUsageException("the program to run is empty: put it after --, as in 'exec --map VAR=/path -- program args'.");
        }

        var start = new ProcessStartInfo(program) { UseShellExecute = false };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in s_credentialVariables.Concat(credentialVariables))
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in variables)
        {
            start.Environment[name] = value;
        }

        await console.Out.FlushAsync().ConfigureAwait(false);
        if (program.Contains('/', StringComparison.Ordinal) && Directory.Exists(program))
        {
            // Process.Start refuses a directory with a message about UseShellExecute; say it as a shell does.
            return await FailAsync(StartFailure.IsADirectory(program)).ConfigureAwait(false);
        }

        if (ProgramLookup.Resolve(program, start.Environment.TryGetValue("PATH", out var path) ? path : null) is not { } file)
        {
            return await FailAsync(StartFailure.NotFound(program)).ConfigureAwait(false);
        }

        start.FileName = file;
        var process = new Process { StartInfo = start };
        try
        {
            process.Start();
            return (process, ExitCodes.Success);
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            return await FailAsync(StartFailure.Describe(program, start.FileName, ex, variables)).ConfigureAwait(false);
        }
    }

    private async Task<(Process?, int)> FailAsync((int ExitCode, string Message) failure)
    {
        await console.Error.WriteLineAsync("error: " + failure.Message).ConfigureAwait(false);
        return (null, failure.ExitCode);
    }

    private static async Task StopAsync(Process process, SignalForwarder signals, Task exited)
    {
        signals.Terminate(process);
        if (await Task.WhenAny(exited, Task.Delay(RestartGrace)).ConfigureAwait(false) != exited)
        {
            process.Kill(entireProcessTree: true);
            await exited.ConfigureAwait(false);
        }
    }
}
