using System.CommandLine;
using System.Reflection;
using System.Runtime.InteropServices;
using AkeylessSharp.Cli.Infrastructure;

namespace AkeylessSharp.Cli.Commands;

/// <summary><c>version</c>: the tool's (as <c>--version</c> prints it), the client library's and the runtime's versions.</summary>
internal static class VersionCommand
{
    public static Command Create(CommandRunner runner)
    {
        var command = new Command("version", "Print the versions of the tool, the AkeylessSharp library and .NET.");
        runner.SetAction(command, async context =>
        {
            await context.Console.Out.WriteLineAsync($"akeyless-sharp {VersionOf(typeof(VersionCommand).Assembly)}").ConfigureAwait(false);
            await context.Console.Out.WriteLineAsync($"AkeylessSharp {VersionOf(typeof(AkeylessClient).Assembly)}").ConfigureAwait(false);
            await context.Console.Out.WriteLineAsync(RuntimeInformation.FrameworkDescription).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    // The informational version, as --version prints it: the commit after '+' says which build a bug report is about.
    internal static string VersionOf(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "unknown";
}
