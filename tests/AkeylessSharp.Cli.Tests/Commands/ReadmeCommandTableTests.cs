using System.CommandLine;
using System.Text.RegularExpressions;
using AkeylessSharp.Cli.Infrastructure;
using AkeylessSharp.Cli.Tests.Infrastructure;

namespace AkeylessSharp.Cli.Tests.Commands;

/// <summary>
/// The README's tables of settings and commands are the tool's reference: every command and option the tool has is in
/// them, and every one they name exists, so an option added, renamed or removed fails here until the README says so.
/// </summary>
public sealed partial class ReadmeCommandTableTests
{
    private const string Shared = "[...]";

    private static readonly Command Root = new CliApplication(new CliConsole { Out = TextWriter.Null, Error = TextWriter.Null }).Root;

    [Fact]
    public void SettingsTable_NamesExactlyTheGlobalOptions()
    {
        var documented = CliReadme.Table("## Settings").SelectMany(static row => OptionNames(row[0])).ToHashSet();

        AssertSameOptions("the settings table", GlobalOptions(), documented);
    }

    [Fact]
    public void SettingsTable_EachVariable_IsNamedByItsOptionsHelp()
    {
        var options = GlobalOptions().ToDictionary(static o => o.Name);
        var pairs = CliReadme.Table("## Settings")
            .Select(static row => (Options: OptionNames(row[0]).Where(static n => n.StartsWith("--", StringComparison.Ordinal)).ToList(), Variables: Variable().Matches(row[1]).Select(static m => m.Value).ToList()))
            .Where(static row => row.Variables.Count > 0)
            .SelectMany(static row => row.Options.Zip(row.Variables))
            .ToList();

        Assert.NotEmpty(pairs);
        Assert.All(pairs, pair => Assert.True(
            options[pair.First].Description!.Contains(pair.Second, StringComparison.Ordinal),
            $"--help for {pair.First} does not name {pair.Second}, the variable the CLI README gives it."));
    }

    [Fact]
    public void CommandsTable_NamesExactlyTheCommands()
    {
        var documented = CommandRows().Select(static r => r.Command).Order(StringComparer.Ordinal);

        Assert.Equal(Leaves(Root, prefix: null).Select(static c => c.Name).Order(StringComparer.Ordinal), documented);
    }

    [Fact]
    public void CommandsTable_ListsEveryOptionOfEachCommand_AndNoOther()
    {
        var rows = CommandRows().ToDictionary(static r => r.Command, static r => r.Options);
        foreach (var (name, command) in Leaves(Root, prefix: null))
        {
            // "[...]": the command shares the options of the set row (create takes set's metadata).
            var documented = rows[name].Contains(Shared) ? rows[name].Concat(rows["set"]).ToHashSet() : rows[name];
            documented.Remove(Shared);

            // A row may show a setting the command leans on (serve reads --seed), documented with the settings.
            documented.ExceptWith(GlobalOptions().SelectMany(static o => o.Aliases.Append(o.Name)));

            AssertSameOptions($"the '{name}' row", command.Options.Where(static o => !o.Recursive && o.Name != "--help"), documented);
        }
    }

    // Every option is named by one of its names at least, and every name written belongs to an option.
    private static void AssertSameOptions(string where, IEnumerable<Option> options, IReadOnlySet<string> documented)
    {
        var names = options.Select(static o => o.Aliases.Append(o.Name).ToHashSet()).ToList();

        Assert.All(names, n => Assert.True(n.Overlaps(documented), $"{where} of the CLI README does not name {string.Join(" / ", n.Order())}."));
        Assert.All(documented, d => Assert.True(names.Any(n => n.Contains(d)), $"{where} of the CLI README names {d}, which the tool does not have there."));
    }

    private static IEnumerable<(string Command, HashSet<string> Options)> CommandRows() =>
        CliReadme.Table("## Commands").Select(static row =>
        {
            var usage = row[0].Trim('`');
            var command = CommandName().Match(usage).Value.Trim();
            var options = OptionNames(usage).ToHashSet();
            if (usage.Contains("[...]", StringComparison.Ordinal))
            {
                options.Add(Shared);
            }

            return (command, options);
        });

    private static IEnumerable<Option> GlobalOptions() => Root.Options.Where(static o => o.Recursive && o.Name != "--help");

    private static IEnumerable<string> OptionNames(string text) => LongOption().Matches(text).Select(static m => m.Value);

    // Commands that run something, by their full name ("auth test" for a subcommand of a group).
    private static IEnumerable<(string Name, Command Command)> Leaves(Command parent, string? prefix) =>
        parent.Subcommands.SelectMany(c =>
        {
            var name = prefix is null ? c.Name : $"{prefix} {c.Name}";
            return c.Subcommands.Count == 0 ? [(name, c)] : Leaves(c, name);
        });

    [GeneratedRegex(@"AKEYLESS_[A-Z0-9_]+")]
    private static partial Regex Variable();

    [GeneratedRegex(@"(?<![\w-])--?[a-z0-9][a-z0-9-]*")]
    private static partial Regex LongOption();

    // The words before the first argument, option or choice: "get", "auth test", "completion".
    [GeneratedRegex(@"^[a-z][a-z-]*(?: [a-z][a-z-]*)*?(?=\s*(?:[<\[]|--|$|\s[a-z]+\|))")]
    private static partial Regex CommandName();
}
