using System.Diagnostics;
using AkeylessSharp.Bench;

namespace AkeylessSharp.Compare;

/// <summary>The two measurements: a sequential turn (time and bytes per call) and a bounded concurrent phase.</summary>
internal static class Measure
{
    public static async Task SequentialAsync(Row row, int calls, Sample sample)
    {
        long bytes = GC.GetTotalAllocatedBytes(precise: true);
        Func<double> clock = row.IsHit ? CpuClock.Thread : CpuClock.Process;
        double cpu = clock();
        long start = Stopwatch.GetTimestamp();
        await row.RunAsync(calls);
        var elapsed = Stopwatch.GetElapsedTime(start);
        sample.CpuNanos = (clock() - cpu) / calls;

        bytes = GC.GetTotalAllocatedBytes(precise: true) - bytes;
        sample.NanosPerCall = elapsed.TotalNanoseconds / calls;
        sample.BytesPerCall = (double)bytes / calls;
    }

    /// <summary>
    /// <paramref name="callers"/> callers call as fast as they can for <paramref name="duration"/>; HTTP rows are async
    /// callers on the thread pool, hit rows (which never yield) are threads of their own.
    /// </summary>
    public static async Task ConcurrentAsync(Row row, int callers, TimeSpan duration, EmulatorHost emulator, Sample sample)
    {
        var stop = new StopFlag();
        double cpu = CpuClock.Process();
        var serverCpu = emulator.ServerCpu();
        long start = Stopwatch.GetTimestamp();
        var timer = new Thread(() => { Thread.Sleep(duration); stop.Set(); }) { IsBackground = true };
        timer.Start();

        long calls = row.IsHit ? HitCallers(row, callers, stop) : (await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(() => AsyncCallerAsync(row, stop))))).Sum();

        var elapsed = Stopwatch.GetElapsedTime(start);
        sample.ClientCpuMicros = (CpuClock.Process() - cpu) / 1000 / calls;
        if (row.CallsEmulator && serverCpu is { } before && emulator.ServerCpu() is { } after)
        {
            sample.ServerCpuMicros = (after - before).TotalMicroseconds / calls;
        }

        sample.CallsPerSecond = calls / elapsed.TotalSeconds;
    }

    private static async Task<long> AsyncCallerAsync(Row row, StopFlag stop)
    {
        long calls = 0;
        while (!stop.IsSet)
        {
            _ = await row.CallAsync();
            calls++;
        }

        return calls;
    }

    private static long HitCallers(Row row, int callers, StopFlag stop)
    {
        const int Chunk = 256;
        long total = 0;
        var threads = Enumerable.Range(0, callers).Select(_ => new Thread(() =>
        {
            long calls = 0;
            while (!stop.IsSet)
            {
                row.RunAsync(Chunk).GetAwaiter().GetResult();
                calls += Chunk;
            }

            Interlocked.Add(ref total, calls);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return total;
    }

    private sealed class StopFlag
    {
        private volatile bool _set;

        public bool IsSet => _set;

        public void Set() => _set = true;
    }
}
