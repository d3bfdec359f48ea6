using System.CommandLine;
using AkeylessSharp.Cli.Settings;

namespace AkeylessSharp.Cli.Infrastructure;

/// <summary>Runs command actions: gives each a <see cref="CommandContext"/>, and turns every failure into one error line and an exit code.</summary>
internal sealed class CommandRunner(CliConsole console, GlobalOptions globals, ClientFactory clientFactory)
{
    private readonly ClientSettingsBinder _binder = new(globals, console);

    public void SetAction(Command command, Func<CommandContext, Task<int>> action) =>
        command.SetAction((parse, cancellationToken) => RunAsync(parse, action, cancellationToken));

    private async Task<int> RunAsync(ParseResult parse, Func<CommandContext, Task<int>> action, CancellationToken cancellationToken)
    {
        var verbose = parse.GetValue(globals.Verbose);
        try
        {
            await using var context = new CommandContext(parse, console, () => ConnectAsync(parse, verbose, cancellationToken), cancellationToken);
            return await action(context).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The tool's contract: any failure becomes one line on stderr and a documented exit code.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return ErrorReporter.Report(ex, console.Error, verbose, Hint(ex, parse));
        }
        finally
        {
            await console.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    // What --emulator does differently from a real account, said where a first try meets it.
    private string? Hint(Exception exception, ParseResult parse) => parse.GetValue(globals.Emulator) ? exception switch
    {
        AkeylessNotFoundException or CliNotFoundException when parse.GetValue(globals.Seed) is null => "The --emulator starts empty: give it items with --seed FILE.",
        AkeylessUnauthorizedException => "Under --emulator, an access id that is set (--access-id, AKEYLESS_ACCESS_ID, a connection string) is used "
            + "instead of the emulator's development credential: unset it, or use an auth method of the seed.",
        _ => null,
    } : null;

    private Task<ClientSession> ConnectAsync(ParseResult parse, bool verbose, CancellationToken cancellationToken)
    {
        var options = _binder.Bind(parse);
        return ClientSession.StartAsync(options, parse.GetValue(globals.Seed), parse.GetValue(globals.Emulator), verbose, console, clientFactory, cancellationToken);
    }
}
