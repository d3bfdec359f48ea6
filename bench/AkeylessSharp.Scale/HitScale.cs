using System.Collections.Concurrent;
using AkeylessSharp.Bench;

namespace AkeylessSharp.Scale;

/// <summary>
/// Target 2: CPU time per memory-cache hit, <c>await client.GetSecretAsync(path)</c> in an async loop, at several
/// cache sizes. Two access patterns: every path picked at random over the whole set (the paths are other string
/// instances than the keys, as when a caller builds them), and at random over a hot 100 of the set. Next to them, the
/// floors: a bare <see cref="Dictionary{TKey, TValue}"/> lookup of the same paths in the same order, alone and with the
/// one clock read an expiring entry needs, and the latter over the hot 100; over the hot 100 also the bare
/// <see cref="Dictionary{TKey, TValue}"/> alone and the structure the memory cache is built on (a
/// <see cref="ConcurrentDictionary{TKey, TValue}"/> holding value and expiry, checked against the tick count), so the
/// growth with size can be told apart from the memory system's. Sizes alternate in turns; medians of the turns.
/// </summary>
internal static class HitScale
{
    private const int Turns = 5;
    private const int Hot = 100;
    private const int OrderLength = 1 << 20;
    private const int Mask = OrderLength - 1;

    public sealed record Result(int Entries, double AllNs, double AllMinNs, double AllMaxNs, double HotNs, double DictionaryNs, double DictionaryClockNs, double HotDictionaryClockNs, double HotDictionaryNs, double HotConcurrentNs);

    private sealed record Set(IAkeylessClient Client, string[] Paths, int[] All, int[] HotOrder, Dictionary<string, string> Floor, ConcurrentDictionary<string, (string Value, long ExpiresAt)> Concurrent);

    public static async Task<IReadOnlyList<Result>> RunAsync(IReadOnlyList<(int Entries, IAkeylessClient Client)> sets, int hitsPerTurn)
    {
        var random = new Random(16);
        var lookups = sets.Select(set => new Set(
            set.Client,
            Enumerable.Range(0, set.Entries).Select(Seed.CachePath).ToArray(),
            Order(random, set.Entries),
            Order(random, Math.Min(Hot, set.Entries)),
            Enumerable.Range(0, set.Entries).ToDictionary(Seed.CachePath, Seed.CacheValue),
            new ConcurrentDictionary<string, (string, long)>(Enumerable.Range(0, set.Entries).Select(i => KeyValuePair.Create(Seed.CachePath(i), (Seed.CacheValue(i), long.MaxValue)))))).ToArray();

        for (int warm = 0; warm < 3; warm++)
        {
            foreach (var set in lookups)
            {
                await EnsureAllHitAsync(set.Client, set.Paths);
                await TurnAsync(set.Client, set.Paths, set.All, hitsPerTurn);
                await TurnAsync(set.Client, set.Paths, set.HotOrder, hitsPerTurn);
                DictionaryTurn(set.Floor, set.Paths, set.All, hitsPerTurn, clock: false);
                DictionaryTurn(set.Floor, set.Paths, set.All, hitsPerTurn, clock: true);
                DictionaryTurn(set.Floor, set.Paths, set.HotOrder, hitsPerTurn, clock: true);
                DictionaryTurn(set.Floor, set.Paths, set.HotOrder, hitsPerTurn, clock: false);
                ConcurrentTurn(set.Concurrent, set.Paths, set.HotOrder, hitsPerTurn);
            }

            await Task.Delay(200); // lets the background compiler finish the tier-1 code
        }

        var samples = lookups.Select(_ => new double[7][]).ToArray();
        foreach (var s in samples)
        {
            for (int k = 0; k < s.Length; k++)
            {
                s[k] = new double[Turns];
            }
        }

        for (int turn = 0; turn < Turns; turn++)
        {
            for (int i = 0; i < lookups.Length; i++)
            {
                int k = (i + turn) % lookups.Length;
                var set = lookups[k];
                samples[k][0][turn] = await TurnAsync(set.Client, set.Paths, set.All, hitsPerTurn);
                samples[k][1][turn] = await TurnAsync(set.Client, set.Paths, set.HotOrder, hitsPerTurn);
                samples[k][2][turn] = DictionaryTurn(set.Floor, set.Paths, set.All, hitsPerTurn, clock: false);
                samples[k][3][turn] = DictionaryTurn(set.Floor, set.Paths, set.All, hitsPerTurn, clock: true);
                samples[k][4][turn] = DictionaryTurn(set.Floor, set.Paths, set.HotOrder, hitsPerTurn, clock: true);
                samples[k][5][turn] = DictionaryTurn(set.Floor, set.Paths, set.HotOrder, hitsPerTurn, clock: false);
                samples[k][6][turn] = ConcurrentTurn(set.Concurrent, set.Paths, set.HotOrder, hitsPerTurn);
            }
        }

        return sets.Select((set, k) =>
        {
            var all = samples[k][0].Order().ToArray();
            return new Result(set.Entries, all[Turns / 2], all[0], all[^1], Median(samples[k][1]), Median(samples[k][2]), Median(samples[k][3]), Median(samples[k][4]), Median(samples[k][5]), Median(samples[k][6]));
        }).ToArray();
    }

    private static double Median(double[] values) => values.Order().ElementAt(values.Length / 2);

    private static int[] Order(Random random, int range)
    {
        var order = new int[OrderLength];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = random.Next(range);
        }

        return order;
    }

    private static double DictionaryTurn(Dictionary<string, string> floor, string[] paths, int[] order, int hits, bool clock)
    {
        long expiresAt = long.MaxValue;
        int found = 0;
        double start = CpuClock.Thread();
        for (int i = 0; i < hits; i++)
        {
            found += floor.TryGetValue(paths[order[i & Mask]], out _) && (!clock || TimeProvider.System.GetTimestamp() < expiresAt) ? 1 : 0;
        }

        double ns = (CpuClock.Thread() - start) / hits;
        return found == hits ? ns : throw new InvalidOperationException("The floor dictionary missed a key.");
    }

    private static double ConcurrentTurn(ConcurrentDictionary<string, (string Value, long ExpiresAt)> floor, string[] paths, int[] order, int hits)
    {
        int found = 0;
        double start = CpuClock.Thread();
        for (int i = 0; i < hits; i++)
        {
            found += floor.TryGetValue(paths[order[i & Mask]], out var entry) && Environment.TickCount64 < entry.ExpiresAt ? 1 : 0;
        }

        double ns = (CpuClock.Thread() - start) / hits;
        return found == hits ? ns : throw new InvalidOperationException("The floor dictionary missed a key.");
    }

    /// <summary>Every path must be a hit that completes synchronously, or the turns would measure something else.</summary>
    private static async Task EnsureAllHitAsync(IAkeylessClient client, string[] paths)
    {
        foreach (string path in paths)
        {
            var read = client.GetSecretAsync(path);
            if (!read.IsCompletedSuccessfully)
            {
                await read;
                throw new InvalidOperationException($"{path} was not a synchronous cache hit.");
            }
        }
    }

    private static async Task<double> TurnAsync(IAkeylessClient client, string[] paths, int[] order, int hits)
    {
        double start = CpuClock.Thread();
        for (int i = 0; i < hits; i++)
        {
            _ = await client.GetSecretAsync(paths[order[i & Mask]]);
        }

        return (CpuClock.Thread() - start) / hits;
    }
}
