using System.Reflection;
using System.Text.RegularExpressions;
using AkeylessSharp.Configuration;
using AkeylessSharp.Tests.Shared;
using Microsoft.Extensions.Logging;

namespace AkeylessSharp.Samples.Tests.Docs;

/// <summary>
/// The README's observability tables are what operators build alerts and dashboards on: every log event the libraries
/// can write is listed with its id and level, and every instrument with its name, and nothing listed is gone.
/// </summary>
public sealed partial class ObservabilityDocsTests
{
    private static readonly Assembly[] Libraries =
    [
        typeof(AkeylessClient).Assembly,
        typeof(AkeylessConfigurationProvider).Assembly,
        typeof(AkeylessSharp.Caching.StackExchangeRedis.RedisSecretFetchLock).Assembly,
        typeof(AkeylessSharp.CloudId.AwsIamCloudIdProvider).Assembly,
        typeof(AkeylessSharp.CloudId.AzureAdCloudIdProvider).Assembly,
        typeof(AkeylessSharp.CloudId.GcpCloudIdProvider).Assembly,
    ];

    // An event whose level the call site chooses (a retry is Debug within a connection test): the README gives its
    // usual level and, in brackets, when it differs.
    private const string Varying = "(varies)";

    [Fact]
    public void LogEventTable_ListsEveryEventOfTheLibraries_WithItsLevel()
    {
        var written = Libraries
            .SelectMany(static a => a.GetTypes())
            .SelectMany(static t => t.GetMethods(BindingFlags.Static | BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(static m => m.GetCustomAttribute<LoggerMessageAttribute>())
            .OfType<LoggerMessageAttribute>()
            .Select(static a => $"{a.EventId} {(a.Level == LogLevel.None ? Varying : a.Level)}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        var documented = DocumentedEvents(Readme.Section("**Log events**")).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(written);
        Assert.True(
            written.SequenceEqual(documented),
            $"Written but not in the README: {string.Join(", ", written.Except(documented))}; in the README but never written: {string.Join(", ", documented.Except(written))}");
    }

    [Fact]
    public void MetricsTable_ListsEveryInstrument()
    {
        var created = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(static file => InstrumentCreation().Matches(File.ReadAllText(file)))
            .Select(static m => m.Groups["name"].Value)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        var documented = DocumentedInstruments(Readme.Section("**Metrics**")).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(created);
        Assert.True(
            created.SequenceEqual(documented),
            $"Created but not in the README: {string.Join(", ", created.Except(documented))}; in the README but never created: {string.Join(", ", documented.Except(created))}");
    }

    [Fact]
    public void TableParsing_ExpandsLists_Ranges_AndPerIdLevels()
    {
        string table = """
            | id | level | category | event |
            |---|---|---|---|
            | 100 | Warning (Debug within a test) | x | y |
            | 203 / 204 | Debug / Information | same | z |
            | 500, 501 | Warning | same | z |
            | 6004–6006, 6009 | Error | same | z |
            """;

        Assert.Equal(
            ["100 (varies)", "203 Debug", "204 Information", "500 Warning", "501 Warning", "6004 Error", "6005 Error", "6006 Error", "6009 Error"],
            DocumentedEvents(table));
        Assert.Equal(
            ["akeyless.cache.hits", "akeyless.cache.misses", "akeyless.client.requests"],
            DocumentedInstruments("| instrument | type |\n|---|---|\n| `akeyless.cache.hits`, `.misses` | counters |\n| `akeyless.client.requests` | counter |\n"));
    }

    private static IEnumerable<string> DocumentedEvents(string table)
    {
        foreach (var cells in MarkdownTable.Rows(table))
        {
            var ids = cells[0].Split([',', '/'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).SelectMany(Expand).ToList();
            var levels = cells[1].Contains('(', StringComparison.Ordinal) ? [Varying] : cells[1].Split('/', StringSplitOptions.TrimEntries);
            for (int i = 0; i < ids.Count; i++)
            {
                yield return $"{ids[i]} {(levels.Length == ids.Count ? levels[i] : levels[0])}";
            }
        }

        static IEnumerable<int> Expand(string id) =>
            id.Split('–') is [var from, var to] ? Enumerable.Range(int.Parse(from), int.Parse(to) - int.Parse(from) + 1) : [int.Parse(id)];
    }

    private static IEnumerable<string> DocumentedInstruments(string table)
    {
        foreach (var cells in MarkdownTable.Rows(table))
        {
            var names = Backticked().Matches(cells[0]).Select(static m => m.Groups[1].Value).ToList();
            string family = names[0][..names[0].LastIndexOf('.')];
            foreach (string name in names)
            {
                yield return name.StartsWith('.') ? family + name : name;
            }
        }
    }

    [GeneratedRegex(@"Create(?:Counter|Histogram|UpDownCounter|Gauge|ObservableGauge|ObservableCounter|ObservableUpDownCounter)(?:<\w+>)?\(\s*""(?<name>akeyless\.[a-z_.]+)""")]
    private static partial Regex InstrumentCreation();

    [GeneratedRegex(@"`([a-z_.]+)`")]
    private static partial Regex Backticked();

}
