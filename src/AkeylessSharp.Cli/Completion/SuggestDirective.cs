using System.CommandLine;
using System.Globalization;

namespace AkeylessSharp.Cli.Completion;

/// <summary>
/// The <c>[suggest:POSITION] "command line"</c> directive the completion scripts call (the dotnet-suggest protocol):
/// prints System.CommandLine's completions for the line at the cursor position, one per line. The root here is a plain
/// <see cref="Command"/> named like the tool (a <see cref="RootCommand"/> would take the process's name, such as
/// AkeylessSharp.Cli under <c>dotnet</c>), which has no directives of its own, so the tool reads this one itself.
/// </summary>
internal static class SuggestDirective
{
    private const string Name = "[suggest";

    public static bool Matches(IReadOnlyList<string> args) =>
        args.Count > 0 && args[0].StartsWith(Name, StringComparison.Ordinal) && args[0].EndsWith(']') && args[0].Length >= Name.Length + 1
        && (args[0].Length == Name.Length + 1 || args[0][Name.Length] == ':');

    /// <summary>Writes the completions; exit code 0, or 2 for a position that is not a number.</summary>
    public static int Run(Command root, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        // Shells pass the line as one argument; typed by hand, the words may follow the directive one by one.
        var line = args.Count == 2 ? args[1] : string.Join(' ', args.Skip(1));
        var directive = args[0];
        var position = line.Length;
        if (directive.Length > Name.Length + 1
            && !int.TryParse(directive.AsSpan(Name.Length + 1, directive.Length - Name.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out position))
        {
            error.WriteLine($"error: '{directive}' is not [suggest] or [suggest:POSITION].");
            return Infrastructure.ExitCodes.Usage;
        }

        // The cursor may sit past the end of a line whose trailing spaces the shell dropped; one space completes the same
        // as any number (padding to the position itself could ask for gigabytes).
        if (position > line.Length)
        {
            line += " ";
            position = line.Length;
        }

        line = line[..position];
        foreach (var completion in root.Parse(line).GetCompletions(position))
        {
            output.WriteLine(completion.Label);
        }

        return Infrastructure.ExitCodes.Success;
    }
}
