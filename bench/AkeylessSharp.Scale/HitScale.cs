namespace AkeylessSharp.Scale;

/// <summary>
/// Target 2: CPU time per memory-cache hit, <c>await client.GetSecretAsync(path)</c> in an async loop, at several
/// cache sizes, each path picked at random over the whole set (paths are other string instances than the keys, as
/// when a caller builds them). Sizes are measured in turns that alternate, median of the turns.
/// </summary>
internal static class HitScale
{
    private const int Turns = 5;
    private const int OrderLength = 1 << 20;

    public sealed record Result(int Entries, double MedianNs, double MinNs, double MaxNs);

    public static async Task<IReadOnlyList<Result>> RunAsync(IReadOnlyList<(int Entries, IAkeylessClient Client)> sets, int hitsPerTurn)
    {
        var random = new Random(16);
        var lookups = sets.Select(set =>
        {
            var paths = Enumerable.Range(0, set.Entries).Select(Seed.CachePath).ToArray();
            var order = new int[OrderLength];
            for (int i = 0; i < order.Length; i++)
            {
                order[i] = random.Next(set.Entries);
            }

            return (set.Client, Paths: paths, Order: order);
        }).ToArray();

        for (int warm = 0; warm < 3; warm++)
        {
            foreach (var (client, paths, order) in lookups)
            {
                await TurnAsync(client, paths, order, hitsPerTurn);
            }

            await Task.Delay(200); // lets the background compiler finish the tier-1 code
        }

        var samples = lookups.Select(_ => new List<double>()).ToArray();
        for (int turn = 0; turn < Turns; turn++)
        {
            for (int s = 0; s < lookups.Length; s++)
            {
                int k = (s + turn) % lookups.Length;
                samples[k].Add(await TurnAsync(lookups[k].Client, lookups[k].Paths, lookups[k].Order, hitsPerTurn));
            }
        }

        return sets.Select((set, s) =>
        {
            var sorted = samples[s].Order().ToArray();
            return new Result(set.Entries, sorted[sorted.Length / 2], sorted[0], sorted[^1]);
        }).ToArray();
    }

    private static async Task<double> TurnAsync(IAkeylessClient client, string[] paths, int[] order, int hits)
    {
        const int Mask = OrderLength - 1;
        double start = CpuClock.Thread();
        for (int i = 0; i < hits; i++)
        {
            _ = await client.GetSecretAsync(paths[order[i & Mask]]);
        }

        return (CpuClock.Thread() - start) / hits;
    }
}
