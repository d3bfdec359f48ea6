using AkeylessSharp.Bench;
using AkeylessSharp.Caching;

namespace AkeylessSharp.Scale;

/// <summary>
/// Target 1: the managed heap held by N cached secrets (100-byte values), measured after full blocking collections
/// before and after filling. The emulator is another process, so none of its store is in this heap. Keys are new
/// strings the cache alone holds, so their bytes count.
/// </summary>
internal static class HeapScale
{
    public sealed record Result(int Entries, long BareBytes, long ClientBytes, long ClientHeapSizeBytes)
    {
        public double BarePerEntry => (double)BareBytes / Entries;

        public double ClientPerEntry => (double)ClientBytes / Entries;
    }

    /// <summary>Measures a bare <see cref="MemorySecretCache"/>, then a client's; returns the filled client for the hit part.</summary>
    public static async Task<(Result Result, AkeylessClient Client)> RunAsync(EmulatorProcess emulator, int entries, int batchSize)
    {
        long bare = await BareAsync(entries);

        var client = Clients.Cached(emulator, batchSize);
        await client.GetSecretAsync(Seed.CachePath(entries)); // authenticate and warm up outside the figure (the seed has one entry more)
        long before = Settle();
        long sizeBefore = GC.GetGCMemoryInfo().HeapSizeBytes;
        await Clients.FillAsync(client, entries);
        long after = Settle();
        long sizeAfter = GC.GetGCMemoryInfo().HeapSizeBytes;
        return (new Result(entries, bare, after - before, sizeAfter - sizeBefore), client);
    }

    private static async Task<long> BareAsync(int entries)
    {
        var cache = new MemorySecretCache();
        long before = Settle();
        for (int i = 0; i < entries; i++)
        {
            await cache.SetAsync(Seed.CachePath(i), Seed.CacheValue(i), TimeSpan.FromHours(1));
        }

        long after = Settle();
        GC.KeepAlive(cache);
        return after - before;
    }

    private static long Settle()
    {
        for (int i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
