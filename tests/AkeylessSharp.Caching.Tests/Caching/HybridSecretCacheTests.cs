using AkeylessSharp.Caching.Internal;
using System.Text;
using AkeylessSharp.Caching.Tests.Infrastructure;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;

namespace AkeylessSharp.Caching.Tests.Caching;

/// <summary>The adapter over a real <see cref="HybridCache"/> whose L2 is an inspectable in-memory distributed cache.</summary>
public sealed class HybridSecretCacheTests : IDisposable
{
    private readonly FlakyDistributedCache _l2 = new();
    private readonly List<ServiceProvider> _providers = [];

    public void Dispose()
    {
        foreach (var provider in _providers)
        {
            provider.Dispose();
        }

        _l2.Dispose();
    }

    [Fact]
    public async Task SetThenGet_RoundTrips_AndNeitherLevelHoldsPlaintext()
    {
        var options = DistributedSecretCacheTests.Options();
        var cache = new HybridSecretCache(NewHybrid(), options);
        await cache.SetAsync("/db/password", "hybrid-canary", TimeSpan.FromMinutes(5));

        Assert.Equal("hybrid-canary", await cache.GetAsync("/db/password"));
        Assert.Null(await cache.GetAsync("/db/other"));
        Assert.NotEmpty(_l2.Raw);
        Assert.All(_l2.Raw.Values, bytes => Assert.DoesNotContain("hybrid-canary", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnotherInstance_ReadsFromL2_AndRejectsATamperedEntry()
    {
        var options = DistributedSecretCacheTests.Options();
        await new HybridSecretCache(NewHybrid(), options).SetAsync("/a", "v", TimeSpan.FromMinutes(5));
        Assert.Equal("v", await new HybridSecretCache(NewHybrid(), options).GetAsync("/a"));

        var entry = _l2.Raw.Single(e => e.Key.EndsWith("/a", StringComparison.Ordinal));
        byte[] tampered = (byte[])entry.Value.Clone();
        // The envelope starts with 0xA3 and the key id length 2, "ow" in base64; flip a full 6-bit character well inside it (not a padding one).
        int at = Encoding.ASCII.GetString(tampered).IndexOf("ow", StringComparison.Ordinal) + 20;
        tampered[at] = tampered[at] == (byte)'A' ? (byte)'B' : (byte)'A';
        _l2.Set(entry.Key, tampered, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(5) });

        Assert.Null(await new HybridSecretCache(NewHybrid(), options).GetAsync("/a"));
    }

    [Fact]
    public async Task KeysOfPathEpochs_DoNotCrowdTheKeyMemo_SoALaterPathsHitStillAllocatesNothing()
    {
        var hybrid = NewHybrid();
        var cache = new HybridSecretCache(hybrid, DistributedSecretCacheTests.Options());

        // Every write to a path starts an epoch: its variants' keys are new, and the old ones are never read again.
        for (int i = 0; i < PrefixedKeys.Capacity; i++)
        {
            Assert.Null(await cache.GetAsync($"/json\u001fstatic\u001fa=db.password\u001fe={i:x16}"));
        }

        await cache.SetAsync("/later", "v", TimeSpan.FromMinutes(5));
        for (int i = 0; i < 200; i++)
        {
            Assert.Equal("v", await cache.GetAsync("/later"));
        }

        long floor = BareHitBytes(hybrid, "akeyless:/later", 1000);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            var hit = cache.GetAsync("/later");
            Assert.True(hit.IsCompletedSuccessfully);
        }

        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, floor);
    }

    [Fact]
    public async Task AnotherInstancesEntry_ReadOnce_IsThenAnL1Hit_AndAMissIsNeverRemembered()
    {
        var options = DistributedSecretCacheTests.Options();
        var writer = new HybridSecretCache(NewHybrid(), options);
        var reader = new HybridSecretCache(NewHybrid(), options);
        Assert.Null(await reader.GetAsync("/a"));

        await writer.SetAsync("/a", "v", TimeSpan.FromMinutes(5));
        Assert.Equal("v", await reader.GetAsync("/a"));
        int afterFirst = _l2.Calls;
        Assert.Equal("v", await reader.GetAsync("/a"));
        Assert.Equal("v", await reader.GetAsync("/a"));

        Assert.Equal(afterFirst, _l2.Calls);
    }

    [Fact]
    public async Task Remove_AndClear_Forget_Entries()
    {
        await SecretCacheContract.RemoveAndClearForgetEntriesAsync(new HybridSecretCache(NewHybrid(), DistributedSecretCacheTests.Options()));
    }

    [Fact]
    public async Task VariantLongAndEscapeLikeKeys_AreStoredInBothLevels_AndStayDistinct()
    {
        // HybridCache stores no key with a control character (every variant key has the unit separator) or longer than 1024.
        var options = DistributedSecretCacheTests.Options();
        string longPath = "/" + new string('x', 3000);
        string[] keys =
        [
            SecretCacheKey.Static("/a", 3, null),
            SecretCacheKey.Static("/a", null, "db.password"),
            SecretCacheKey.Rotated("/a", null, null),
            SecretCacheKey.Dynamic("/a", "t1", new Dictionary<string, string> { ["ttl"] = "60" }),
            "/a%001Fstatic%001Fv=3",
            longPath,
            longPath + "y",
            "/\ud800lone",
            "/\udc00lone",
        ];
        var writer = new HybridSecretCache(NewHybrid(), options);
        for (int i = 0; i < keys.Length; i++)
        {
            await writer.SetAsync(keys[i], $"value-{i}", TimeSpan.FromMinutes(5));
        }

        var reader = new HybridSecretCache(NewHybrid(), options);
        for (int i = 0; i < keys.Length; i++)
        {
            Assert.Equal($"value-{i}", await writer.GetAsync(keys[i]));
            Assert.Equal($"value-{i}", await reader.GetAsync(keys[i]));
        }

        Assert.All(_l2.Raw.Keys, k => Assert.True(k.Length <= 1024 && !k.Any(char.IsControl), k));
    }

    [Fact]
    public async Task HugeTtl_IsHeldForACentury_NotSilentlyDropped()
    {
        var options = DistributedSecretCacheTests.Options();
        await new HybridSecretCache(NewHybrid(), options).SetAsync("/forever", "v", TimeSpan.MaxValue);

        Assert.Equal("v", await new HybridSecretCache(NewHybrid(), options).GetAsync("/forever"));
    }

    [Fact]
    public void WithoutKey_RefusesToStart() =>
        Assert.Throws<AkeylessConfigurationException>(() => new HybridSecretCache(NewHybrid(), new AkeylessCacheOptions()));

    /// <summary>What <paramref name="count"/> bare HybridCache L1 hits of <paramref name="key"/> allocate, as HybridSecretCache asks for them.</summary>
    private static long BareHitBytes(HybridCache hybrid, string key, int count)
    {
        var readOnly = new HybridCacheEntryOptions { Flags = HybridCacheEntryFlags.DisableUnderlyingData | HybridCacheEntryFlags.DisableDistributedCacheWrite };
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < count; i++)
        {
            Assert.True(hybrid.GetOrCreateAsync<string?>(key, static _ => ValueTask.FromResult<string?>(null), readOnly).IsCompletedSuccessfully);
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private HybridCache NewHybrid()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IDistributedCache>(_l2);
        services.AddHybridCache();
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<HybridCache>();
    }
}
