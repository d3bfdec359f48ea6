using System.Diagnostics.Metrics;
using AkeylessSharp.Diagnostics;

namespace AkeylessSharp.Caching.Internal;

/// <summary>
/// The caching instruments, on the client's meter. No tag ever carries a key or a value; counters without tags
/// keep the hit path free of allocations.
/// </summary>
internal sealed class CacheMetrics
{
    /// <summary>The instruments on the client's meter (<see cref="AkeylessTelemetry.Name"/>), created once per process.</summary>
    public static CacheMetrics Shared { get; } = new(AkeylessTelemetry.Meter);

    public CacheMetrics(Meter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        Hits = meter.CreateCounter<long>("akeyless.cache.hits", "{read}", "Secret reads answered by the cache.");
        Misses = meter.CreateCounter<long>("akeyless.cache.misses", "{read}", "Secret reads the cache could not answer.");
        StaleServed = meter.CreateCounter<long>("akeyless.cache.stale_served", "{read}", "Reads answered with a value past its expiry because Akeyless failed.");
        Evictions = meter.CreateCounter<long>("akeyless.cache.evictions", "{entry}", "Entries removed because Akeyless reported the item not found.");
        Batches = meter.CreateHistogram<int>("akeyless.cache.batch.size", "{name}", "Names per batched get-secret-value request.");
        Rejected = meter.CreateCounter<long>("akeyless.cache.entries_rejected", "{entry}", "Distributed cache entries that failed decryption or authentication.");
        FleetWaits = meter.CreateCounter<long>("akeyless.cache.fleet_waits", "{read}", "Misses answered by another instance's fetch through the shared cache.");
        DistributedFailures = meter.CreateCounter<long>("akeyless.cache.distributed.failures", "{operation}", "Distributed cache operations that failed or timed out.");
    }

    public Counter<long> Hits { get; }

    public Counter<long> Misses { get; }

    public Counter<long> StaleServed { get; }

    public Counter<long> Evictions { get; }

    public Histogram<int> Batches { get; }

    public Counter<long> Rejected { get; }

    public Counter<long> FleetWaits { get; }

    public Counter<long> DistributedFailures { get; }
}
