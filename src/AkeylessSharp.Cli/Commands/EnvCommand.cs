using System.CommandLine;
using AkeylessSharp.Cli.Exec;
using AkeylessSharp.Cli.Infrastructure;
using AkeylessSharp.Cli.Output;

namespace AkeylessSharp.Cli.Commands;

/// <summary><c>env</c>: prints the variables <c>exec</c> would set, as <c>sh</c> assignments (safe to <c>eval</c>), dotenv lines or JSON.</summary>
internal static class EnvCommand
{
    public static Command Create(CommandRunner runner)
    {
        var sources = new SecretSourceOptions();
        var output = new OutputOption(EnvFormat.All, EnvFormat.Shell, EnvFormat.Shell);
        var command = new Command("env", "Print secrets as variables: sh assignments safe to eval, dotenv lines or a JSON object.") { output.Option };
        foreach (var option in sources.All)
        {
            command.Options.Add(option);
        }

        runner.SetAction(command, async context =>
        {
            var request = sources.Read(context);
            var format = output.Resolve(context);
            var client = await context.ConnectAsync().ConfigureAwait(false);
            var variables = await SecretEnvironment.ResolveAsync(client, request, context.CancellationToken).ConfigureAwait(false);
            EnvFormat.Write(context.Console.Out, variables, format);
            return ExitCodes.Success;
        });
        return command;
    }
}
