using System.Globalization;

namespace AkeylessSharp.Scale;

/// <summary>Prints the four parts as Markdown tables, each against its target.</summary>
internal static class Report
{
    private const double HeapLimitBytes = 50e6;
    private const double ConfigLimitMs = 2000;
    private const double ConfigRatioLimit = 1.5;

    public static void Print(HeapScale.Result heap, IReadOnlyList<HitScale.Result> hits, IReadOnlyList<ColdBurst.Result> cold, ConfigLoad.Result config)
    {
        Line("");
        Line("| target | measured | met |");
        Line("|---|---|---|");
        Line($"| {heap.Entries:N0} cached secrets (100-byte values) in ≤ 50 MB of managed heap | {heap.ClientBytes / 1e6:F1} MB, {heap.ClientPerEntry:F0} B per entry (bare `MemorySecretCache`: {heap.BareBytes / 1e6:F1} MB, {heap.BarePerEntry:F0} B) | {Met(heap.ClientBytes <= HeapLimitBytes * heap.Entries / 100_000)} |");
        var first = hits[0];
        var last = hits[^1];
        Line($"| hit time flat from {first.Entries:N0} to {last.Entries:N0} entries | hot 100 keys: {string.Join(" / ", hits.Select(h => h.HotNs.ToString("F1", CultureInfo.InvariantCulture)))} ns ({last.HotNs / first.HotNs:F2}×, +{last.HotNs - first.HotNs:F1} ns; its structure alone, `ConcurrentDictionary` + tick count, {last.HotConcurrentNs / first.HotConcurrentNs:F2}×, +{last.HotConcurrentNs - first.HotConcurrentNs:F1} ns; `Dictionary` {last.HotDictionaryNs / first.HotDictionaryNs:F2}×, + clock read {last.HotDictionaryClockNs / first.HotDictionaryClockNs:F2}×); random over all: {string.Join(" / ", hits.Select(h => h.AllNs.ToString("F1", CultureInfo.InvariantCulture)))} ns ({last.AllNs / first.AllNs:F2}×, floor `Dictionary` + clock read {last.DictionaryClockNs / first.DictionaryClockNs:F2}×) | hot: {Met(last.HotNs <= first.HotNs * 1.5)}; all: {Met(last.AllNs <= first.AllNs * 1.5)} ¹ |");
        foreach (var burst in cold)
        {
            Line($"| {burst.Paths:N0} distinct paths cold, {burst.Shape}, window {burst.Window.TotalMilliseconds:F0} ms: requests = ⌈N / {burst.BatchSize}⌉ + 1 auth = {burst.Expected + 1} | {burst.Reads} get-secret-value + {burst.Auths} auth{(burst.Other > 0 ? $" + {burst.Other} other" : "")}, {burst.Milliseconds:F0} ms ({burst.Collections} GCs, {burst.PausedMilliseconds:F1} ms paused); batch sizes {burst.Sizes} | {Met(burst.Reads == burst.Expected && burst.Auths == 1 && burst.Other == 0)} |");
        }

        double provider = Median(config.ProviderMs);
        double floor = Median(config.FloorMs);
        double ratio = Median(config.Ratios);
        Line($"| configuration load of {config.Secrets:N0} secrets (1 KB) ≤ 2 s and ≤ 1.5× bare batched POSTs | {provider:F0} ms vs floor {floor:F0} ms: {ratio:F2}× (per-turn {string.Join(", ", config.Ratios.Select(r => r.ToString("F2", CultureInfo.InvariantCulture)))}) | {Met(provider <= ConfigLimitMs && ratio <= ConfigRatioLimit)} |");
        Line("");
        Line("¹ flat: the largest set's median within 1.5× the smallest's (CPU time per hit).");
        Line("");
        Line("| entries | hit, random over all (min–max) | hit, random over a hot 100 | `Dictionary` lookup, same order | `Dictionary` lookup + clock read | the same, hot 100 | `Dictionary` alone, hot 100 | `ConcurrentDictionary` + tick count, hot 100 |");
        Line("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var hit in hits)
        {
            Line($"| {hit.Entries:N0} | {hit.AllNs:F1} ns ({hit.AllMinNs:F1}–{hit.AllMaxNs:F1}) | {hit.HotNs:F1} ns | {hit.DictionaryNs:F1} ns | {hit.DictionaryClockNs:F1} ns | {hit.HotDictionaryClockNs:F1} ns | {hit.HotDictionaryNs:F1} ns | {hit.HotConcurrentNs:F1} ns |");
        }

        Line("");
        Line("| configuration load | median | min | max | client CPU, median | requests of one load |");
        Line("|---|---:|---:|---:|---:|---|");
        Line($"| bare HttpClient POSTs (floor) | {floor:F0} ms | {config.FloorMs.Min():F0} ms | {config.FloorMs.Max():F0} ms | {Median(config.FloorCpuMs):F0} ms | {Requests(config.FloorRequests)} |");
        Line($"| AddAkeyless + Build() | {provider:F0} ms | {config.ProviderMs.Min():F0} ms | {config.ProviderMs.Max():F0} ms | {Median(config.ProviderCpuMs):F0} ms | {Requests(config.ProviderRequests)} |");
        foreach (var (row, ms, cpuMs) in config.Parts)
        {
            Line($"| {row} | {ms:F0} ms | | | {cpuMs:F0} ms | |");
        }
    }

    private static string Requests(IReadOnlyDictionary<string, long> counters) =>
        string.Join(", ", counters.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"));

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static string Met(bool met) => met ? "yes" : "**no**";

    private static void Line(FormattableString text) => Console.WriteLine(text.ToString(CultureInfo.InvariantCulture));

    private static void Line(string text) => Console.WriteLine(text);
}
