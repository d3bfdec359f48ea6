using AkeylessSharp.Caching.Tests.Caching;
using AkeylessSharp.Caching.Tests.Infrastructure;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Internal;
using Microsoft.Extensions.Time.Testing;

namespace AkeylessSharp.Caching.Tests.Client;

/// <summary>The client over a <see cref="HybridSecretCache"/> (real HybridCache, inspectable L2), every clock on the fixture's fake one.</summary>
public sealed class ClientHybridCacheTests : IAsyncLifetime
{
    private static readonly string[] Paths = ClientFixture.Paths;
    private static readonly TimeSpan Ttl = TimeSpan.FromMinutes(5);
    private readonly FlakyDistributedCache _l2 = new();
    private ClientFixture _fixture = null!;
    private ServiceProvider? _services;

    public async Task InitializeAsync() => _fixture = await ClientFixture.StartAsync();

    public async Task DisposeAsync()
    {
        await _fixture.DisposeAsync();
        _services?.Dispose();
        _l2.Dispose();
    }

    /// <remarks>
    /// HybridCache's own L1 hit allocates nothing once its code is optimized, but its unoptimized (tier-0) code allocates
    /// about 96 bytes a call, and a test cannot choose when the runtime optimizes it. So the client's hit is held to what
    /// HybridCache's bare hit costs in the same state, measured just before: the client's layers (key, decryption, stale
    /// store, telemetry) add nothing.
    /// </remarks>
    [Fact]
    public async Task Hit_CompletesSynchronously_AllocatingNothingBeyondHybridCachesOwnLookup()
    {
        var client = NewClient(out var hybrid);
        await client.GetSecretAsync(Paths[0]);
        for (int i = 0; i < 100; i++)
        {
            _ = client.GetSecretAsync(Paths[0]);
        }

        long floor = BareLookupBytes(hybrid, "akeyless:" + Paths[0], 1000);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            var hit = client.GetSecretAsync(Paths[0]);
            Assert.True(hit.IsCompletedSuccessfully);
            Assert.Equal("e2e-value-0", await hit);
            if (i % 100 == 0)
            {
                _fixture.Clock.Advance(TimeSpan.FromMilliseconds(10));
            }
        }

        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, floor);
        Assert.Equal(1, _fixture.Requests("get-secret-value"));
    }

    [Fact]
    public async Task Hits_LastTheTtl_RefreshAndOwnWritesReplaceThem()
    {
        var client = NewClient(out _);
        Assert.Equal("e2e-value-1", await client.GetSecretAsync(Paths[1]));
        _fixture.Clock.Advance(Ttl - TimeSpan.FromSeconds(1));
        Assert.Equal("e2e-value-1", await client.GetSecretAsync(Paths[1]));
        Assert.Equal(1, _fixture.Requests("get-secret-value"));

        _fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("e2e-value-1", await client.GetSecretAsync(Paths[1]));
        Assert.Equal(2, _fixture.Requests("get-secret-value"));

        Assert.Equal("e2e-value-1", await client.GetSecretAsync(Paths[1], new SecretRequestOptions { Refresh = true }));
        Assert.Equal(3, _fixture.Requests("get-secret-value"));

        await client.UpdateSecretValueAsync(Paths[1], "updated");
        Assert.Equal("updated", await client.GetSecretAsync(Paths[1]));
        Assert.Equal("updated", await client.GetSecretAsync(Paths[1]));
        Assert.Equal(4, _fixture.Requests("get-secret-value"));
    }

    [Fact]
    public async Task RemovalsThroughHybridCacheItself_AreHonoured()
    {
        var client = NewClient(out var hybrid);
        await client.GetSecretsAsync(Paths.Take(2));
        Assert.Equal("e2e-value-0", await client.GetSecretAsync(Paths[0]));

        await hybrid.RemoveAsync("akeyless:" + Paths[0]);
        Assert.Equal("e2e-value-0", await client.GetSecretAsync(Paths[0]));
        Assert.Equal(2, _fixture.Requests("get-secret-value"));

        _fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        await hybrid.RemoveByTagAsync(HybridSecretCache.Tag);
        _fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, (await client.GetSecretsAsync(Paths.Take(2))).Count);
        Assert.Equal(3, _fixture.Requests("get-secret-value"));
    }

    [Fact]
    public async Task BatchHit_AllocatesOnlyItsResultDictionary_BeyondHybridCachesOwnLookups_AndL2HoldsNoValueInClear()
    {
        var client = NewClient(out var hybrid);
        await client.GetSecretsAsync(Paths);
        for (int i = 0; i < 20; i++)
        {
            _ = client.GetSecretsAsync(Paths);
        }

        long lookups = 0;
        foreach (string path in Paths)
        {
            lookups += BareLookupBytes(hybrid, "akeyless:" + path, 1);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        Assert.True(client.GetSecretsAsync(Paths).IsCompletedSuccessfully);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The dictionary of 100 entries is about 3 KB; a hit per path that allocated even one small object would double it.
        Assert.InRange(allocated, 1, 4096 + lookups);
        Assert.Equal(100, _l2.Raw.Count);
        Assert.All(_l2.Raw.Values, bytes => Assert.DoesNotContain("e2e-value", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal));
    }

    /// <summary>What <paramref name="count"/> bare HybridCache L1 hits of <paramref name="key"/> allocate, as HybridSecretCache asks for them.</summary>
    private static long BareLookupBytes(HybridCache hybrid, string key, int count)
    {
        var readOnly = new HybridCacheEntryOptions { Flags = HybridCacheEntryFlags.DisableUnderlyingData | HybridCacheEntryFlags.DisableDistributedCacheWrite };
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < count; i++)
        {
            Assert.True(hybrid.GetOrCreateAsync<string?>(key, static _ => ValueTask.FromResult<string?>(null), readOnly).IsCompletedSuccessfully);
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private AkeylessClient NewClient(out HybridCache hybrid)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IDistributedCache>(_l2);
        services.AddSingleton<TimeProvider>(_fixture.Clock);
        services.AddMemoryCache(o => o.Clock = new FakeSystemClock(_fixture.Clock));
        services.AddHybridCache();
        _services = services.BuildServiceProvider();
        hybrid = _services.GetRequiredService<HybridCache>();

        var options = DistributedSecretCacheTests.Options();
        options.BatchingEnabled = false;
        options.StaticSecretTtl = Ttl;
        return _fixture.Client(options, new HybridSecretCache(hybrid, options));
    }

    private sealed class FakeSystemClock(FakeTimeProvider clock) : ISystemClock
    {
        public DateTimeOffset UtcNow => clock.GetUtcNow();
    }
}
