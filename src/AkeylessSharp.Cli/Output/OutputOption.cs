using System.CommandLine;
using AkeylessSharp.Cli.Infrastructure;

namespace AkeylessSharp.Cli.Output;

/// <summary>
/// The <c>--output</c> option of a command. Tables are for people: they are the default only when standard output
/// is a terminal; piped or redirected output gets the command's script-friendly form.
/// </summary>
internal sealed class OutputOption
{
    private readonly string _redirectedDefault;
    private readonly string _terminalDefault;

    public OutputOption(string[] allowed, string terminalDefault, string redirectedDefault)
    {
        _terminalDefault = terminalDefault;
        _redirectedDefault = redirectedDefault;
        Option = new Option<string?>("--output", "-o")
        {
            Description = terminalDefault == redirectedDefault
                ? $"The output format: {string.Join(", ", allowed)} [default: {terminalDefault}]."
                : $"The output format: {string.Join(", ", allowed)} [default: {terminalDefault} on a terminal, {redirectedDefault} otherwise].",
            HelpName = string.Join('|', allowed),
        };
        Option.AcceptOnlyFromAmong(allowed);
    }

    public Option<string?> Option { get; }

    public string Resolve(CommandContext context) =>
        context.Get(Option) ?? (context.Console.IsOutputTerminal ? _terminalDefault : _redirectedDefault);
}
