using System.Diagnostics;
using AkeylessSharp.Bench;

namespace AkeylessSharp.Scale;

/// <summary>
/// Target 3: N distinct paths read at once by a new client with the memory cache on (single-path
/// <c>GetSecretAsync</c> calls all in flight, their misses micro-batched), counting the requests the emulator received.
/// Two shapes: one caller starting every read in a loop, and callers on every core starting their share.
/// </summary>
internal static class ColdBurst
{
    public sealed record Result(string Shape, int Paths, int BatchSize, long Reads, long Auths, long Other, double Milliseconds)
    {
        public long Expected => (Paths + BatchSize - 1) / BatchSize;
    }

    public static async Task<IReadOnlyList<Result>> RunAsync(EmulatorProcess emulator, int paths, int batchSize)
    {
        var names = Enumerable.Range(0, paths).Select(Seed.CachePath).ToArray();
        return
        [
            await RunAsync(emulator, "one caller, loop", names, batchSize, static (client, names, reads) =>
            {
                for (int i = 0; i < names.Length; i++)
                {
                    reads[i] = client.GetSecretAsync(names[i]).AsTask();
                }
            }),
            await RunAsync(emulator, $"{Environment.ProcessorCount} callers in parallel", names, batchSize, static (client, names, reads) =>
                Parallel.For(0, names.Length, i => reads[i] = client.GetSecretAsync(names[i]).AsTask())),
        ];
    }

    private static async Task<Result> RunAsync(EmulatorProcess emulator, string shape, string[] names, int batchSize, Action<IAkeylessClient, string[], Task<string>[]> start)
    {
        using var client = Clients.Cached(emulator, batchSize);
        await emulator.ResetCountersAsync();
        var reads = new Task<string>[names.Length];
        var clock = Stopwatch.StartNew();
        start(client, names, reads);
        await Task.WhenAll(reads);
        double ms = clock.Elapsed.TotalMilliseconds;
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
        return new Result(shape, names.Length, batchSize, reads2, auths, other, ms);
    }
}
