using System.CommandLine;
using AkeylessSharp.Cli.Exec;
using AkeylessSharp.Cli.Infrastructure;

namespace AkeylessSharp.Cli.Commands;

/// <summary><c>exec [--map VAR=/path] [--path /prefix] [--json-expand] -- program [args…]</c>: runs a program with secrets in its environment.</summary>
internal static class ExecCommand
{
    public const string Name = "exec";

    public static Command Create(CommandRunner runner)
    {
        var sources = new SecretSourceOptions();
        var program = new Argument<string[]>("command")
        {
            Description = "The program and its arguments; put -- before them so their options are not read as this tool's.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command(Name, "Run a program with secrets as environment variables; exits with its exit code.") { program };
        foreach (var option in sources.All)
        {
            command.Options.Add(option);
        }

        runner.SetAction(command, async context =>
        {
            var request = sources.Read(context);
            var client = await context.ConnectAsync().ConfigureAwait(false);
            var variables = await SecretEnvironment.ResolveAsync(client, request, context.CancellationToken).ConfigureAwait(false);
            return await ChildProcess.RunAsync(context.Get(program)!, variables, context.Console).ConfigureAwait(false);
        });
        return command;
    }
}
