using System.CommandLine;
using System.Reflection;
using System.Runtime.InteropServices;
using AkeylessSharp.Cli.Infrastructure;

namespace AkeylessSharp.Cli.Commands;

/// <summary><c>version</c>: the tool's, the client library's and the runtime's versions.</summary>
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

    internal static string VersionOf(Assembly assembly)
    {
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "unknown";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
