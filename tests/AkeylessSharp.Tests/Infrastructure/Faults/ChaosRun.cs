using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace AkeylessSharp.Tests.Infrastructure.Faults;

/// <summary>
/// Concurrent reads of known values and writes of unique items through a <see cref="FaultProxy"/>, recording every
/// outcome: values read, exceptions by type, the slowest read.
/// </summary>
internal sealed class ChaosRun
{
    private static readonly (string Path, string Value)[] s_reads =
    [
        (EmulatorHarness.StaticPath, EmulatorHarness.StaticValue),
        ("/app/other", "other"),
        ("/app/sub/deeper", "deep"),
    ];

    private readonly ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _wrongValues = new();
    private readonly ConcurrentQueue<Exception> _untyped = new();
    private long _slowestReadTicks;
    private int _readsOk;
    private int _writesOk;

    public required string Name { get; init; }

    public int Reads { get; init; }

    public int WriteEvery { get; init; } = 16;

    public int Concurrency { get; init; } = 32;

    public int ReadsOk => _readsOk;

    public int WritesOk => _writesOk;

    public int Writes => Reads / WriteEvery;

    public TimeSpan SlowestRead => TimeSpan.FromTicks(Interlocked.Read(ref _slowestReadTicks));

    public IReadOnlyDictionary<string, int> Failures => _failures;

    public IReadOnlyCollection<string> WrongValues => _wrongValues;

    public IReadOnlyCollection<Exception> Untyped => _untyped;

    public TimeSpan Elapsed { get; private set; }

    public async Task RunAsync(AkeylessClient client)
    {
        var watch = Stopwatch.StartNew();
        await Parallel.ForAsync(0, Reads + Writes, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, _) =>
        {
            if (i % (WriteEvery + 1) == WriteEvery)
            {
                await WriteAsync(client, i);
            }
            else
            {
                await ReadAsync(client, i);
            }
        });
        Elapsed = watch.Elapsed;
    }

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"{Name,-20} reads {ReadsOk,5}/{Reads,-5} writes {WritesOk,4}/{Writes,-4} slowest read {SlowestRead.TotalMilliseconds,6:F0} ms  run {Elapsed.TotalSeconds,5:F1} s  failures: {(Failures.Count == 0 ? "none" : string.Join(", ", Failures.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} {f.Value}")))}");

    private async Task ReadAsync(AkeylessClient client, int i)
    {
        var (path, expected) = s_reads[i % s_reads.Length];
        var start = Stopwatch.GetTimestamp();
        try
        {
            var value = await client.GetSecretAsync(path);
            if (value == expected)
            {
                Interlocked.Increment(ref _readsOk);
            }
            else
            {
                _wrongValues.Enqueue($"{path}: got {value.Length} chars that are not its value");
            }
        }
        catch (Exception ex)
        {
            Record(ex);
        }
        finally
        {
            var ticks = Stopwatch.GetElapsedTime(start).Ticks;
            long seen;
            while (ticks > (seen = Interlocked.Read(ref _slowestReadTicks)) && Interlocked.CompareExchange(ref _slowestReadTicks, ticks, seen) != seen)
            {
            }
        }
    }

    private async Task WriteAsync(AkeylessClient client, int i)
    {
        try
        {
            await client.CreateSecretAsync(WritePath(i), "v" + i.ToString(CultureInfo.InvariantCulture));
            Interlocked.Increment(ref _writesOk);
        }
        catch (Exception ex)
        {
            Record(ex);
        }
    }

    public string WritePath(int i) => string.Create(CultureInfo.InvariantCulture, $"/chaos/{Name}/{i}");

    private void Record(Exception ex)
    {
        _failures.AddOrUpdate(ex.GetType().Name, 1, static (_, n) => n + 1);
        if (ex is not AkeylessException)
        {
            _untyped.Enqueue(ex);
        }
    }
}
