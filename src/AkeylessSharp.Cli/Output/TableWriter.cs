using AkeylessSharp.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace AkeylessSharp.Cli.Output;

/// <summary>Renders Spectre.Console tables to the tool's standard output: colours only on a terminal, plain text otherwise.</summary>
internal static class TableWriter
{
    // Redirected output has no width; a wide page keeps one row per line for `--output table | grep`.
    private const int RedirectedWidth = 240;

    public static Table Create(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(new Text(header, new Style(decoration: Decoration.Bold))));
        }

        return table;
    }

    /// <summary>
    /// Adds a row of plain text cells: values are never parsed as markup, so <c>[red]</c> in a name stays literal, and a
    /// control character other than a line break is shown as <c>\xHH</c>, so text from Akeyless cannot drive the terminal.
    /// </summary>
    public static void AddTextRow(this Table table, params string?[] cells) =>
        table.AddRow(cells.Select(static c => (IRenderable)new Text(TerminalText.Escape((c ?? string.Empty).ReplaceLineEndings("\n"), keepLineFeeds: true))));

    public static void Write(CliConsole console, IRenderable renderable)
    {
        var terminal = console.IsOutputTerminal;
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(console.Out),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal)
        {
            ansi.Profile.Width = RedirectedWidth;
        }

        ansi.Write(renderable);
    }
}
