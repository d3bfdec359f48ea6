using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using AkeylessSharp.Cli.Commands;
using AkeylessSharp.Cli.Completion;
using AkeylessSharp.Cli.Infrastructure;
using AkeylessSharp.Cli.Settings;

namespace AkeylessSharp.Cli;

/// <summary>
/// The <c>akeyless-sharp</c> command tree over a <see cref="CliConsole"/>: <c>Program</c> runs it on the real console,
/// tests run it in-process with captured output and their own environment.
/// </summary>
internal sealed class CliApplication
{
    private readonly CliConsole _console;

    public CliApplication(CliConsole console, ClientFactory? clientFactory = null)
    {
        _console = console;
        var globals = new GlobalOptions();
        clientFactory ??= ClientSession.CreateDefaultClient;
        var runner = new CommandRunner(console, globals, clientFactory);
        // A plain command named like the tool: a RootCommand takes its name from the process (AkeylessSharp.Cli under `dotnet`).
        var help = new HelpOption();
        Root = new Command("akeyless-sharp", Description)
        {
            help,
            new VersionOption(),
        };
        // Without a command, show the help page (on standard error, see RunAsync); the exit code says nothing was done.
        Root.SetAction(parse =>
        {
            new HelpAction().Invoke(parse);
            return ExitCodes.Usage;
        });
        foreach (var option in globals.All)
        {
            Root.Options.Add(option);
        }

        var serve = ServeCommand.Create(runner, globals);
        help.Action = new CommandHelp(new Dictionary<Command, Option[]> { [serve] = [.. globals.Connection] });
        Command[] commands =
        [
            GetCommand.Create(runner),
            GetManyCommand.Create(runner),
            EnvCommand.Create(runner),
            ExecCommand.Create(runner),
            DynamicCommand.Create(runner),
            RotatedCommand.Create(runner),
            WriteCommands.Set(runner),
            WriteCommands.Create(runner),
            WriteCommands.Update(runner),
            DeleteCommand.Create(runner),
            ListCommand.Create(runner),
            DescribeCommand.Create(runner),
            PermissionsCommand.Create(runner),
            SshCertCommand.Create(runner),
            AuthCommand.Create(runner),
            serve,
            CompletionCommand.Create(runner),
            VersionCommand.Create(runner),
        ];
        var secretPaths = new SecretPathCompletion(new ClientSettingsBinder(globals, console), globals, clientFactory);
        foreach (var command in commands)
        {
            Root.Subcommands.Add(command);
            foreach (var argument in command.Arguments.Where(static a => a.Name is "path" or "paths"))
            {
                argument.CompletionSources.Add(secretPaths.Complete);
            }
        }
    }

    /// <summary>The help page's opening: what the tool is for, and the exit codes scripts branch on (<see cref="ExitCodes"/>).</summary>
    internal const string Description = """
        Read, write and list Akeyless secrets from a terminal or a script.

        Exit codes: 0 success, 1 other failure, 2 usage or settings error, 3 authentication failed or access denied,
        4 not found, 5 Akeyless unavailable (network, timeout, 429, 5xx), 130 interrupted (Ctrl+C), 143 stopped
        by SIGTERM; exec exits with its program's code (126 cannot run it, 127 not found).
        """;

    public Command Root { get; }

    /// <summary>Parses and runs a command line; returns the process exit code (see <see cref="ExitCodes"/>).</summary>
    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        if (SuggestDirective.Matches(args))
        {
            return SuggestDirective.Run(Root, args, _console.Out, _console.Error);
        }

        var parse = Root.Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            // The default handler prints the whole help page and exits 1; scripts need one line and the usage code.
            foreach (var line in ParseErrorLines.For(parse))
            {
                await _console.Error.WriteLineAsync(line).ConfigureAwait(false);
            }

            await _console.Error.WriteLineAsync($"Run '{CommandPath(parse.CommandResult)} --help' for usage.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        // System.CommandLine's own handler cancels on SIGINT and SIGTERM alike, and the cancelled command exits 130 for both.
        // Without a command the help page is a usage error's explanation: standard output stays empty for a script.
        var output = parse.Action == Root.Action ? _console.Error : _console.Out;
        var configuration = new InvocationConfiguration { Output = output, Error = _console.Error, ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false };
        if (parse.CommandResult.Command.Name == ExecCommand.Name)
        {
            // exec passes SIGINT and SIGTERM on to its program and exits when the program does.
            return await InvokeAsync(parse, configuration, args, cancellationToken).ConfigureAwait(false);
        }

        using var termination = new TerminationSignal(cancellationToken);
        var invocation = InvokeAsync(parse, configuration, args, termination.Token);
        if (await Task.WhenAny(invocation, termination.GraceElapsed).ConfigureAwait(false) != invocation)
        {
            return termination.Received!.Value.ExitCode;
        }

        return termination.ExitCodeFor(await invocation.ConfigureAwait(false));
    }

    /// <summary>
    /// Commands report their own failures (<see cref="CommandRunner"/>); what else can fail is writing the help page or
    /// the version (standard output full or closed), which System.CommandLine's handler would print as a stack trace.
    /// </summary>
    private async Task<int> InvokeAsync(ParseResult parse, InvocationConfiguration configuration, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // What System.CommandLine's handler returned; TerminationSignal gives the signal's code.
            return ExitCodes.Failure;
        }
#pragma warning disable CA1031 // The tool's contract: any failure becomes one line on stderr and a documented exit code.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ErrorReporter.Report(ex, _console.Error, args.Contains("--verbose"));
        }
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new Stack<string>();
        for (SymbolResult? current = result; current is not null; current = current.Parent)
        {
            if (current is CommandResult command)
            {
                names.Push(command.Command.Name);
            }
        }

        return string.Join(' ', names);
    }
}
