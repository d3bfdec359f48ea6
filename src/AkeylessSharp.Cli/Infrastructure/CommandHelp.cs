using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace AkeylessSharp.Cli.Infrastructure;

/// <summary>
/// The <c>--help</c> action: System.CommandLine's own page, except that a command given here leaves out the shared
/// (recursive) options it does not read. <c>serve</c> calls no Akeyless API, so the connection settings every other
/// command reads would only mislead on its page. System.CommandLine's help layout cannot be customised publicly, so the
/// options are hidden while that one page is written (each <see cref="CliApplication"/> has options of its own).
/// </summary>
internal sealed class CommandHelp(IReadOnlyDictionary<Command, Option[]> unreadSharedOptions) : SynchronousCommandLineAction
{
    private readonly HelpAction _help = new();

    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        if (!unreadSharedOptions.TryGetValue(parseResult.CommandResult.Command, out var unread))
        {
            return _help.Invoke(parseResult);
        }

        var shown = unread.Where(static o => !o.Hidden).ToList();
        shown.ForEach(static o => o.Hidden = true);
        try
        {
            return _help.Invoke(parseResult);
        }
        finally
        {
            shown.ForEach(static o => o.Hidden = false);
        }
    }
}
