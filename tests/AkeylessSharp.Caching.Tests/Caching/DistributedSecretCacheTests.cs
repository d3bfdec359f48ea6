using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using AkeylessSharp.Caching.Internal;
using AkeylessSharp.Caching.Tests.Infrastructure;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace AkeylessSharp.Caching.Tests.Caching;

/// <summary>The distributed adapter over an in-memory <c>IDistributedCache</c> that can fail on demand; Redis itself is in RedisTests.</summary>
public sealed class DistributedSecretCacheTests : IDisposable
{
    private readonly FlakyDistributedCache _backend = new();

    internal static AkeylessCacheOptions Options() => new()
    {
        EncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        DistributedCacheBreakDuration = TimeSpan.FromSeconds(10),
        GenerationCheckInterval = TimeSpan.FromSeconds(5),
    };

    public void Dispose() => _backend.Dispose();

    [Fact]
    public async Task SetThenGet_RoundTrips_AndStoresNoPlaintext()
    {
        var cache = new DistributedSecretCache(_backend, Options(), TestReaders.Clock());
        await cache.SetAsync("/db/password", "s3cr3t", TimeSpan.FromMinutes(5));

        Assert.Equal("s3cr3t", await cache.GetAsync("/db/password"));
        var stored = Assert.Single(_backend.Raw);
        Assert.Equal("akeyless:0:/db/password", stored.Key);
        Assert.DoesNotContain("s3cr3t", Encoding.UTF8.GetString(stored.Value), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HugeTtl_IsHeldForACentury_NotRefused()
    {
        // MemorySecretCache saturates such a time to live; this cache threw for instants past year 9999.
        var clock = TestReaders.Clock();
        var cache = new DistributedSecretCache(_backend, Options(), clock);
        await cache.SetAsync("/forever", "v", TimeSpan.MaxValue);
        await ((IStaleSecretCache)cache).SetAsync("/stale", "s", TimeSpan.FromDays(36000), TimeSpan.MaxValue, CancellationToken.None);

        clock.Advance(TimeSpan.FromDays(365 * 99));
        Assert.Equal("v", await cache.GetAsync("/forever"));
        Assert.Equal("s", (await ((IStaleSecretCache)cache).GetStaleAsync("/stale"))?.Value);

        clock.Advance(TimeSpan.FromDays(365 * 2));
        Assert.Null(await cache.GetAsync("/forever"));
        Assert.Null(await ((IStaleSecretCache)cache).GetStaleAsync("/stale"));
    }

    [Fact]
    public void WithoutKeyOrDataProtection_RefusesToStart()
    {
        var error = Assert.Throws<AkeylessConfigurationException>(() => new DistributedSecretCache(_backend, new AkeylessCacheOptions()));
        Assert.Equal(nameof(AkeylessCacheOptions.EncryptionKey), error.Field);
        Assert.Throws<AkeylessConfigurationException>(() => new DistributedSecretCache(_backend, new AkeylessCacheOptions { UseDataProtection = true }));
    }

    [Fact]
    public async Task TamperedEntry_IsAMiss_Counted_AndTheReaderFetchesAndOverwritesIt()
    {
        var clock = TestReaders.Clock();
        using var meter = new Meter("test.tamper");
        using var rejected = new MetricCollector<long>(meter, "akeyless.cache.entries_rejected");
        var options = Options();
        var cache = new DistributedSecretCache(_backend, options, AesGcmSecretProtector.FromOptions(options), clock, NullLogger.Instance, new CacheMetrics(meter));
        var source = CountingSource.WithPaths(1);
        var reader = TestReaders.Create(source.FetchAsync, clock, new AkeylessCacheOptions { BatchingEnabled = false }, cache);
        await reader.GetSecretAsync("/app/secret-0", false, CancellationToken.None);

        byte[] stored = _backend.Raw["akeyless:0:/app/secret-0"];
        stored[^1] ^= 0xFF;
        _backend.Set("akeyless:0:/app/secret-0", stored, new());

        Assert.Null(await cache.GetAsync("/app/secret-0"));
        Assert.Equal("value-0", await reader.GetSecretAsync("/app/secret-0", false, CancellationToken.None));
        Assert.Equal(2, source.Calls);
        Assert.Equal("value-0", await cache.GetAsync("/app/secret-0"));
        Assert.Equal(2, rejected.GetMeasurementSnapshot().Sum(m => m.Value)); // our direct read, then the reader's
    }

    [Fact]
    public async Task BackendDown_DegradesToMemory_WithoutCallingItAgainUntilTheBreakEnds()
    {
        var clock = TestReaders.Clock();
        var cache = new DistributedSecretCache(_backend, Options(), clock);
        _backend.Failing = true;

        Assert.Null(await cache.GetAsync("/a"));
        Assert.False(cache.IsDistributedCacheAvailable);
        int callsWhenBroken = _backend.Calls;

        await cache.SetAsync("/a", "v", TimeSpan.FromMinutes(5));
        Assert.Equal("v", await cache.GetAsync("/a"));
        Assert.Equal(callsWhenBroken, _backend.Calls);

        // After the break one probe goes through; it still fails, so the breaker opens again.
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("v", await cache.GetAsync("/a"));
        Assert.Equal(callsWhenBroken + 1, _backend.Calls);

        // The backend is back: the next probe closes the breaker and the outage's local values are dropped.
        _backend.Failing = false;
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Null(await cache.GetAsync("/a"));
        Assert.True(cache.IsDistributedCacheAvailable);
    }

    [Fact]
    public async Task BackendDown_ReadsStillSucceedThroughTheReader()
    {
        var clock = TestReaders.Clock();
        var cache = new DistributedSecretCache(_backend, Options(), clock);
        var source = CountingSource.WithPaths(1);
        var reader = TestReaders.Create(source.FetchAsync, clock, new AkeylessCacheOptions { BatchingEnabled = false }, cache);
        _backend.Failing = true;

        Assert.Equal("value-0", await reader.GetSecretAsync("/app/secret-0", false, CancellationToken.None));
        Assert.Equal("value-0", await reader.GetSecretAsync("/app/secret-0", false, CancellationToken.None));
        Assert.Equal(1, source.Calls);
    }

    [Fact]
    public async Task Clear_StartsANewGeneration_SeenByOtherInstancesWithinTheCheckInterval()
    {
        var clock = TestReaders.Clock();
        var options = Options();
        var first = new DistributedSecretCache(_backend, options, clock);
        var second = new DistributedSecretCache(_backend, options, clock);
        await first.SetAsync("/a", "v", TimeSpan.FromMinutes(5));
        Assert.Equal("v", await second.GetAsync("/a"));

        await first.ClearAsync();
        Assert.Null(await first.GetAsync("/a"));
        Assert.Equal("v", await second.GetAsync("/a"));

        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Null(await second.GetAsync("/a"));
    }

    [Fact]
    public async Task Clear_WhileAnEarlierGenerationCheckIsInFlight_IsNotUndoneByIt()
    {
        var clock = TestReaders.Clock();
        using var backend = new HeldReadDistributedCache();
        var options = Options();
        var cache = new DistributedSecretCache(backend, options, clock);
        await cache.SetAsync("/a", "v", TimeSpan.FromMinutes(5));
        clock.Advance(options.GenerationCheckInterval);

        // This read looks at the generation again and is answered the old one, but only after the clear.
        backend.HoldNextGetOf("akeyless:generation");
        var earlier = cache.GetAsync("/a").AsTask();
        await backend.Reading.WaitAsync(TimeSpan.FromSeconds(30));
        await cache.ClearAsync();
        backend.Release();
        await earlier;

        Assert.Null(await cache.GetAsync("/a"));
    }

    [Fact]
    public async Task ReadsInFlightWhenTheGenerationFallsDue_ShareOneCheck()
    {
        var clock = TestReaders.Clock();
        using var backend = new HeldReadDistributedCache();
        var options = Options();
        var cache = new DistributedSecretCache(backend, options, clock);
        await cache.SetAsync("/a", "v", TimeSpan.FromMinutes(5));
        clock.Advance(options.GenerationCheckInterval);
        int before = backend.GetsOf("akeyless:generation");

        backend.HoldNextGetOf("akeyless:generation");
        var first = cache.GetAsync("/a").AsTask();
        await backend.Reading.WaitAsync(TimeSpan.FromSeconds(30));
        var others = Enumerable.Range(0, 20).Select(_ => cache.GetAsync("/a").AsTask()).ToArray();
        backend.Release();

        Assert.All(await Task.WhenAll([first, .. others]), value => Assert.Equal("v", value));
        Assert.Equal(1, backend.GetsOf("akeyless:generation") - before);
    }

    [Fact]
    public async Task Expiry_IsJudgedOnTheCachesClock_AndAStaleCopyLastsItsAllowanceOnly()
    {
        var clock = TestReaders.Clock();
        var cache = new DistributedSecretCache(_backend, Options(), clock);
        IStaleSecretCache stale = cache;
        await stale.SetAsync("/kept", "v1", TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), CancellationToken.None);
        await cache.SetAsync("/plain", "v2", TimeSpan.FromMinutes(5));
        var written = clock.GetUtcNow();

        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Null(await cache.GetAsync("/kept"));
        Assert.Null(await cache.GetAsync("/plain"));
        var entry = await cache.GetStaleAsync("/kept");
        Assert.NotNull(entry);
        Assert.Equal("v1", entry.Value);
        Assert.Equal(written.AddMinutes(5), entry.FreshUntil);
        Assert.DoesNotContain("v1", entry.ToString(), StringComparison.Ordinal);
        Assert.Null(await cache.GetStaleAsync("/plain")); // stored without an allowance

        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Null(await cache.GetStaleAsync("/kept"));
    }

    [Fact]
    public async Task StaleCopy_TamperedOrWhileTheBackendIsDown_IsNeverServed()
    {
        var clock = TestReaders.Clock();
        var cache = new DistributedSecretCache(_backend, Options(), clock);
        await ((IStaleSecretCache)cache).SetAsync("/kept", "v1", TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(6));

        byte[] stored = _backend.Raw["akeyless:0:/kept"];
        stored[^1] ^= 0xFF;
        _backend.Set("akeyless:0:/kept", stored, new());
        Assert.Null(await cache.GetStaleAsync("/kept"));

        await ((IStaleSecretCache)cache).SetAsync("/kept", "v1", TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), CancellationToken.None);
        _backend.Failing = true;
        Assert.Null(await cache.GetStaleAsync("/kept"));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>("staleFor", async () => await ((IStaleSecretCache)cache).SetAsync("/x", "v", TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(-1), CancellationToken.None));
    }

    [Fact]
    public async Task RemoveDuringAnOutage_IsNotUndoneWhenTheBackendComesBack()
    {
        var clock = TestReaders.Clock();
        var options = Options();
        var cache = new DistributedSecretCache(_backend, options, clock);
        await cache.SetAsync("/a", "old", TimeSpan.FromMinutes(5));
        _backend.Failing = true;
        Assert.Null(await cache.GetAsync("/b")); // opens the breaker

        await cache.RemoveAsync("/a");
        _backend.Failing = false;
        clock.Advance(options.DistributedCacheBreakDuration);

        Assert.Null(await cache.GetAsync("/a"));
        Assert.Null(await cache.GetAsync("/a"));
    }

    [Fact]
    public async Task ClearDuringAnOutage_IsNotUndoneWhenTheBackendComesBack()
    {
        var clock = TestReaders.Clock();
        var options = Options();
        var cache = new DistributedSecretCache(_backend, options, clock);
        await cache.SetAsync("/a", "old", TimeSpan.FromMinutes(5));
        _backend.Failing = true;
        Assert.Null(await cache.GetAsync("/b"));

        await cache.ClearAsync();
        _backend.Failing = false;
        clock.Advance(options.DistributedCacheBreakDuration + options.GenerationCheckInterval);

        Assert.Null(await cache.GetAsync("/a"));
        Assert.Null(await cache.GetAsync("/a"));
    }

    [Fact]
    public async Task Remove_DeletesTheEntry()
    {
        var cache = new DistributedSecretCache(_backend, Options(), TestReaders.Clock());
        await cache.SetAsync("/a", "v", TimeSpan.FromMinutes(5));
        await cache.RemoveAsync("/a");
        Assert.Null(await cache.GetAsync("/a"));
    }

    [Fact]
    public async Task ToString_HasNoValuesOrKeys()
    {
        var options = Options();
        var cache = new DistributedSecretCache(_backend, options, TestReaders.Clock());
        await cache.SetAsync("/a", "s3cr3t", TimeSpan.FromMinutes(5));
        Assert.DoesNotContain("s3cr3t", cache.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(options.EncryptionKey!, cache.ToString(), StringComparison.Ordinal);
    }
}
