using System.Diagnostics.Metrics;
using AkeylessSharp.Caching.Internal;
using Microsoft.Extensions.Time.Testing;

namespace AkeylessSharp.Caching.Tests.Infrastructure;

/// <summary>Builds readers over a fake clock; the clock starts at a fixed instant so runs are repeatable.</summary>
public static class TestReaders
{
    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    internal static CachingSecretReader Create(
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, string>>> fetch,
        TimeProvider time,
        AkeylessCacheOptions? options = null,
        ISecretCache? cache = null,
        Meter? meter = null) =>
        new(cache ?? new MemorySecretCache(time), options ?? new AkeylessCacheOptions(), fetch, time, logger: null, meter is null ? null : new CacheMetrics(meter));
}
