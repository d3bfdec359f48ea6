using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using AkeylessSharp.Bench;

namespace AkeylessSharp.Scale;

/// <summary>
/// Target 3: N distinct paths read at once by a new client with the memory cache on (single-path
/// <c>GetSecretAsync</c> calls all in flight, their misses micro-batched), counting the requests the emulator received.
/// Two shapes: one caller starting every read in a loop, and callers on every core starting their share; each with
/// the default <see cref="Caching.AkeylessCacheOptions.BatchWindow"/> (2 ms) and with a 20 ms one, which outlasts the
/// pauses (GC, a descheduled thread on a loaded machine) that end a 2 ms window before its batch is full.
/// </summary>
internal static class ColdBurst
{
    public sealed record Result(string Shape, TimeSpan Window, int Paths, int BatchSize, long Reads, long Auths, long Other, double Milliseconds, IReadOnlyList<int> BatchSizes, int Collections, double PausedMilliseconds)
    {
        /// <summary>The sizes of the batches sent, in order, runs of one size shortened: <c>100×98, 63, 37</c>.</summary>
        public string Sizes => string.Join(", ", Runs(BatchSizes).Select(r => r.Count > 1 ? $"{r.Size}×{r.Count}" : $"{r.Size}"));

        private static IEnumerable<(int Size, int Count)> Runs(IReadOnlyList<int> sizes)
        {
            for (int i = 0; i < sizes.Count;)
            {
                int j = i;
                while (j < sizes.Count && sizes[j] == sizes[i])
                {
                    j++;
                }

                yield return (sizes[i], j - i);
                i = j;
            }
        }

        public long Expected => (Paths + BatchSize - 1) / BatchSize;
    }

    public static async Task<IReadOnlyList<Result>> RunAsync(EmulatorProcess emulator, int paths, int batchSize)
    {
        var names = Enumerable.Range(0, paths).Select(Seed.CachePath).ToArray();
        var results = new List<Result>();
        foreach (var window in new[] { new Caching.AkeylessCacheOptions().BatchWindow, TimeSpan.FromMilliseconds(20) })
        {
            results.Add(await RunAsync(emulator, "one caller, loop", window, names, batchSize, static (client, names, reads) =>
            {
                for (int i = 0; i < names.Length; i++)
                {
                    reads[i] = client.GetSecretAsync(names[i]).AsTask();
                }
            }));
            results.Add(await RunAsync(emulator, $"{Environment.ProcessorCount} callers in parallel", window, names, batchSize, static (client, names, reads) =>
                Parallel.For(0, names.Length, i => reads[i] = client.GetSecretAsync(names[i]).AsTask())));
        }

        return results;
    }

    private static async Task<Result> RunAsync(EmulatorProcess emulator, string shape, TimeSpan window, string[] names, int batchSize, Action<IAkeylessClient, string[], Task<string>[]> start)
    {
        using var client = Clients.Cached(emulator, batchSize, window);
        var sizes = new ConcurrentQueue<int>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "akeyless.cache.batch.size")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, size, _, _) => sizes.Enqueue(size));
        listener.Start();
        await emulator.ResetCountersAsync();
        var reads = new Task<string>[names.Length];
        int collections = GC.CollectionCount(0);
        var paused = GC.GetTotalPauseDuration();
        var clock = Stopwatch.StartNew();
        start(client, names, reads);
        await Task.WhenAll(reads);
        double ms = clock.Elapsed.TotalMilliseconds;
        collections = GC.CollectionCount(0) - collections;
        double pausedMs = (GC.GetTotalPauseDuration() - paused).TotalMilliseconds;
        for (int i = 0; i < names.Length; i++)
        {
            if (reads[i].Result != Seed.CacheValue(i))
            {
                throw new InvalidOperationException($"Cold read {i} returned a wrong value.");
            }
        }

        var counters = await emulator.CountersAsync();
        long reads2 = counters.GetValueOrDefault("get-secret-value");
        long auths = counters.GetValueOrDefault("auth");
        long other = counters.Where(c => c.Key is not "get-secret-value" and not "auth").Sum(c => c.Value);
        return new Result(shape, window, names.Length, batchSize, reads2, auths, other, ms, sizes.ToArray(), collections, pausedMs);
    }
}
