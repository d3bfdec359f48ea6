using System.CommandLine;
using AkeylessSharp.Cli.Infrastructure;

namespace AkeylessSharp.Cli.Commands;

/// <summary><c>auth test</c>: authenticates with the current settings; exit code 0 when it works, else the failure's (3 for rejected credentials, 5 for an unreachable service).</summary>
internal static class AuthCommand
{
    public static Command Create(CommandRunner runner)
    {
        var test = new Command("test", "Authenticate with the current settings and report the result (exit code 0, 3 when the credentials are rejected, 5 when Akeyless cannot be reached).");
        runner.SetAction(test, async context =>
        {
            var client = await context.ConnectAsync().ConfigureAwait(false);
            var result = await client.TestConnectionAsync(context.CancellationToken).ConfigureAwait(false);
            if (result.Success)
            {
                await context.Console.Out.WriteLineAsync(result.Message).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            if (result.Error is { } error)
            {
                return ErrorReporter.Report(error, context.Console.Error, verbose: false);
            }

            await context.Console.Error.WriteLineAsync("error: " + result.Message.ReplaceLineEndings(" ")).ConfigureAwait(false);
            return ExitCodes.Failure;
        });
        return new Command("auth", "Check authentication.") { test };
    }
}
