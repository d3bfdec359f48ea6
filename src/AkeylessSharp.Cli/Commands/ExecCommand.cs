using System.CommandLine;
using System.CommandLine.Parsing;
using AkeylessSharp.Cli.Exec;
using AkeylessSharp.Cli.Infrastructure;

namespace AkeylessSharp.Cli.Commands;

/// <summary><c>exec [--map VAR=/path] [--path /prefix] [--json-expand] [--watch interval] -- program [args…]</c>: runs a program with secrets in its environment.</summary>
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
        var watch = new Option<string?>("--watch")
        {
            Description = "Read the secrets again every INTERVAL (seconds, or 30s, 5m, 1h) and restart the program when they change.",
            HelpName = "interval",
        };
        var command = new Command(Name, "Run a program with secrets as environment variables; exits with its exit code.") { program, watch };
        foreach (var option in sources.All)
        {
            command.Options.Add(option);
        }

        runner.SetAction(command, async context =>
        {
            RefuseUnknownOption(context, context.Get(program)!);
            var request = sources.Read(context);
            var interval = context.Get(watch) is { } text ? SshCertCommand.ParseDuration(text, "--watch", SecretWatch.MaxInterval) : (TimeSpan?)null;
            var client = await context.ConnectAsync().ConfigureAwait(false);
            var variables = await SecretEnvironment.ResolveAsync(client, request, context.CancellationToken).ConfigureAwait(false);
            var watcher = interval is { } every
                ? new SecretWatch(ct => SecretEnvironment.ResolveAsync(client, request, ct), every, context.Console, TimeProvider.System)
                : null;
            string[] credentialVariables = context.JwtEnvironmentVariable is { } jwtVariable ? [jwtVariable] : [];
            return await new ChildProcess(context.Get(program)!, context.Console, credentialVariables).RunAsync(variables, watcher).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>
    /// The parser gives the program argument every word it does not know, so a mistyped option before <c>--</c>
    /// (<c>--jsn-expand</c>) would be started as the program (exit 127) with the next word, perhaps a credential, as its
    /// argument. A first word that starts with '-' and came before <c>--</c> is a usage error instead; its value is not echoed.
    /// </summary>
    private static void RefuseUnknownOption(CommandContext context, string[] words)
    {
        var afterDoubleDash = context.Parse.Tokens.SkipWhile(static t => t.Type != TokenType.DoubleDash).Skip(1).Count();
        if (words.Length > afterDoubleDash && words[0].StartsWith('-'))
        {
            throw new CliUsageException($"'{ParseErrorLines.OptionName(words[0])}' is not an option of exec (see exec --help); put the program and its arguments after --.");
        }
    }
}
