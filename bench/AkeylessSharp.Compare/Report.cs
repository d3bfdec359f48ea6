using System.Globalization;

namespace AkeylessSharp.Compare;

/// <summary>Prints the figures (median over runs, with the range) and the ratio table against the floor.</summary>
internal static class Report
{
    public static void Print(IReadOnlyList<Row> rows, IReadOnlyList<Sample[]> runs, bool serverApart, int callers)
    {
        Console.WriteLine();
        Console.WriteLine($"| row | time / call | CPU / call, sequential | bytes / call | client CPU / call, {callers} callers ({(serverApart ? "server apart" : "server in process")}) | server CPU / call | throughput (calls/s) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        for (int r = 0; r < rows.Count; r++)
        {
            var samples = runs.Select(run => run[r]).ToArray();
            Console.WriteLine($"| {rows[r].Name} | {Time(samples.Select(s => s.NanosPerCall))} | {Time(samples.Select(s => s.CpuNanos).Where(double.IsFinite))} | {Number(samples.Select(s => s.BytesPerCall), "N0")} | "
                + $"{Micros(samples.Select(s => s.ClientCpuMicros))} | {Micros(samples.Select(s => s.ServerCpuMicros))} | {Number(samples.Select(s => s.CallsPerSecond), "N0")} |");
        }

        Console.WriteLine();
        Console.WriteLine("Ratios to the floor (first row), paired per run: median (min–max)");
        Console.WriteLine();
        Console.WriteLine("| row | time | CPU, sequential | bytes | client CPU / call, concurrent | throughput |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        for (int r = 1; r < rows.Count; r++)
        {
            Console.WriteLine($"| {rows[r].Name} | {Ratio(runs, r, s => s.NanosPerCall)} | {Ratio(runs, r, s => s.CpuNanos)} | {Ratio(runs, r, s => s.BytesPerCall)} | "
                + $"{Ratio(runs, r, s => s.ClientCpuMicros)} | {Ratio(runs, r, s => s.CallsPerSecond)} |");
        }
    }

    private static string Ratio(IReadOnlyList<Sample[]> runs, int row, Func<Sample, double> figure)
    {
        var ratios = runs.Select(run => figure(run[row]) / figure(run[0])).Where(double.IsFinite).ToArray();
        return ratios.Length == 0 ? "–" : Range(ratios, v => v.ToString("0.00", CultureInfo.InvariantCulture) + "×");
    }

    private static string Time(IEnumerable<double> nanos) => Range(nanos.ToArray(), n => n >= 10_000
        ? (n / 1000).ToString("0.0", CultureInfo.InvariantCulture) + " µs"
        : n.ToString("0.0", CultureInfo.InvariantCulture) + " ns");

    private static string Micros(IEnumerable<double> micros) => Range(micros.Where(double.IsFinite).ToArray(), m => m.ToString(m < 1 ? "0.000" : "0.0", CultureInfo.InvariantCulture) + " µs");

    private static string Number(IEnumerable<double> values, string format) => Range(values.Where(double.IsFinite).ToArray(), v => v.ToString(format, CultureInfo.InvariantCulture));

    private static string Range(double[] values, Func<double, string> format)
    {
        if (values.Length == 0)
        {
            return "–";
        }

        Array.Sort(values);
        double median = values.Length % 2 == 1 ? values[values.Length / 2] : (values[values.Length / 2 - 1] + values[values.Length / 2]) / 2;
        return values.Length == 1 ? format(median) : $"{format(median)} ({format(values[0])}–{format(values[^1])})";
    }
}
