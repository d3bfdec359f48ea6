using AkeylessSharp.Bench;
using AkeylessSharp.Caching;

namespace AkeylessSharp.Scale;

/// <summary>Clients of the emulator process: with the memory cache on (entries live an hour, so none ends during a run).</summary>
internal static class Clients
{
    public static AkeylessClient Cached(EmulatorProcess emulator, int batchSize, TimeSpan? batchWindow = null)
    {
        var cache = new AkeylessCacheOptions { StaticSecretTtl = TimeSpan.FromHours(1), MaxBatchSize = batchSize };
        cache.BatchWindow = batchWindow ?? cache.BatchWindow;
        return new(new AkeylessClientOptions
        {
            ApiUrl = emulator.BaseUrl.ToString(),
            AccessId = emulator.AccessId,
            AccessKey = emulator.AccessKey,
            Cache = cache,
        });
    }

    public static AkeylessClient Uncached(EmulatorProcess emulator) => new(new AkeylessClientOptions
    {
        ApiUrl = emulator.BaseUrl.ToString(),
        AccessId = emulator.AccessId,
        AccessKey = emulator.AccessKey,
    });

    /// <summary>Reads cache entries <c>[0, count)</c> through the client, 1,000 paths per bulk read; the paths are new strings.</summary>
    public static async Task FillAsync(IAkeylessClient client, int count)
    {
        const int Chunk = 1000;
        for (int start = 0; start < count; start += Chunk)
        {
            var paths = new string[Math.Min(Chunk, count - start)];
            for (int i = 0; i < paths.Length; i++)
            {
                paths[i] = Seed.CachePath(start + i);
            }

            var values = await client.GetSecretsAsync(paths);
            if (values.Count != paths.Length || values[paths[^1]] != Seed.CacheValue(start + paths.Length - 1))
            {
                throw new InvalidOperationException($"The fill read {values.Count} values for {paths.Length} paths, or a wrong value.");
            }
        }
    }
}
