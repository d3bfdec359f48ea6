using System.ComponentModel;
using System.Diagnostics;
using AkeylessSharp.Cli.Infrastructure;
using AkeylessSharp.Cli.Output;
using AkeylessSharp.Cli.Settings;

namespace AkeylessSharp.Cli.Exec;

/// <summary>
/// Runs the program of <c>exec</c>: the secrets go only into its environment (never its arguments), it shares this
/// process's standard input, output and error, receives the signals this process receives, and its exit code becomes
/// this process's (128 + the signal number when a signal ended it, as shells report it).
/// </summary>
internal static class ChildProcess
{
    /// <summary>The tool's own credentials: the program gets the secrets it was given, not the key to all of them.</summary>
    private static readonly string[] s_credentialVariables =
        [EnvironmentNames.AccessKey, EnvironmentNames.UidToken, EnvironmentNames.Jwt, EnvironmentNames.ConnectionString];

    public static async Task<int> RunAsync(IReadOnlyList<string> command, IReadOnlyList<KeyValuePair<string, string>> variables, CliConsole console)
    {
        EnvFormat.Validate(variables);
        var start = new ProcessStartInfo(command[0]) { UseShellExecute = false };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in s_credentialVariables)
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in variables)
        {
            start.Environment[name] = value;
        }

        await console.Out.FlushAsync().ConfigureAwait(false);
        using var process = new Process { StartInfo = start };
        using var signals = new SignalForwarder(process);
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            await console.Error.WriteLineAsync($"error: cannot start '{command[0]}': {ex.Message}.").ConfigureAwait(false);
            return ExitCodes.CannotStart;
        }

        signals.Started();
        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        return process.ExitCode;
    }
}
