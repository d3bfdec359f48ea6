using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using AkeylessSharp.Caching.Internal;
using AkeylessSharp.Caching.Tests.Infrastructure;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace AkeylessSharp.Caching.Tests.Caching;

/// <summary>
/// An encrypted entry is bound to the storage key it was written under (prefix, generation, cache key): someone able to
/// write to the shared cache cannot replay it under another application's prefix or into a generation started by a clear.
/// </summary>
public sealed class EntryBindingTests : IDisposable
{
    private readonly FlakyDistributedCache _backend = new();

    public void Dispose() => _backend.Dispose();

    [Fact]
    public async Task DistributedEntry_CopiedUnderAnotherPrefix_IsNotServed()
    {
        var clock = TestReaders.Clock();
        var (tenantA, tenantB) = SharingOneKey("tenant-a:", "tenant-b:");
        await new DistributedSecretCache(_backend, tenantA, clock).SetAsync("/db/password", "password-of-a", TimeSpan.FromMinutes(5));

        _backend.Set("tenant-b:0:/db/password", _backend.Raw["tenant-a:0:/db/password"], new());

        Assert.Null(await new DistributedSecretCache(_backend, tenantB, clock).GetAsync("/db/password"));
    }

    [Fact]
    public async Task DistributedEntry_CopiedIntoTheGenerationAClearStarted_IsNotServed()
    {
        var clock = TestReaders.Clock();
        var cache = new DistributedSecretCache(_backend, DistributedSecretCacheTests.Options(), clock);
        await cache.SetAsync("/db/password", "before-the-clear", TimeSpan.FromMinutes(5));
        byte[] old = _backend.Raw["akeyless:0:/db/password"];

        await cache.ClearAsync();
        string generation = Encoding.ASCII.GetString(_backend.Raw["akeyless:generation"]);
        _backend.Set($"akeyless:{generation}:/db/password", old, new());

        Assert.Null(await cache.GetAsync("/db/password"));
        Assert.Null(await ((IStaleSecretCache)cache).GetStaleAsync("/db/password"));
    }

    [Fact]
    public async Task HybridEntry_CopiedUnderAnotherPrefix_IsNotServed()
    {
        // A real HybridCache frames its L2 payload with the key, unauthenticated; this one has no framing to rewrite.
        var hybrid = new DictionaryHybridCache();
        var (tenantA, tenantB) = SharingOneKey("tenant-a:", "tenant-b:");
        await new HybridSecretCache(hybrid, tenantA).SetAsync("/db/password", "password-of-a", TimeSpan.FromMinutes(5));

        hybrid.Entries["tenant-b:/db/password"] = hybrid.Entries["tenant-a:/db/password"];

        Assert.Null(await new HybridSecretCache(hybrid, tenantB).GetAsync("/db/password"));
    }

    [Fact]
    public async Task EntryOfTheFormerFormat_BoundToTheCacheKeyOnly_IsAMiss_NotCountedAsTampering()
    {
        var clock = TestReaders.Clock();
        using var meter = new Meter("test.binding");
        using var rejected = new MetricCollector<long>(meter, "akeyless.cache.entries_rejected");
        var options = DistributedSecretCacheTests.Options();
        var cache = new DistributedSecretCache(_backend, options, AesGcmSecretProtector.FromOptions(options), clock, NullLogger.Instance, new CacheMetrics(meter));
        byte[] key = Convert.FromBase64String(options.EncryptionKey!);
        string stored = $"{(clock.GetUtcNow() + TimeSpan.FromMinutes(5)).ToUnixTimeMilliseconds()}\u001f{(clock.GetUtcNow() + TimeSpan.FromMinutes(5)).ToUnixTimeMilliseconds()}\u001fold-value";
        _backend.Set("akeyless:0:/db/password", FormerAesGcmEnvelope(options.EncryptionKeyId, key, "/db/password", stored), new());

        Assert.Null(await cache.GetAsync("/db/password"));
        Assert.Empty(rejected.GetMeasurementSnapshot());

        await cache.SetAsync("/db/password", "new-value", TimeSpan.FromMinutes(5));
        Assert.Equal("new-value", await cache.GetAsync("/db/password"));
    }

    /// <summary>The envelope versions before this one wrote: <c>[0xA1][id length][id][nonce][tag][cipher]</c>, the header and the cache key as associated data.</summary>
    private static byte[] FormerAesGcmEnvelope(string keyId, byte[] key, string cacheKey, string plain)
    {
        byte[] id = Encoding.ASCII.GetBytes(keyId);
        byte[] header = [0xA1, (byte)id.Length, .. id];
        byte[] nonce = RandomNumberGenerator.GetBytes(12);
        byte[] plainBytes = Encoding.UTF8.GetBytes(plain);
        byte[] cipher = new byte[plainBytes.Length];
        byte[] tag = new byte[16];
        using var aes = new AesGcm(key, 16);
        byte[] associated = [.. header, .. Encoding.UTF8.GetBytes(cacheKey)];
        aes.Encrypt(nonce, plainBytes, cipher, tag, associated);
        return [.. header, .. nonce, .. tag, .. cipher];
    }

    private static (AkeylessCacheOptions A, AkeylessCacheOptions B) SharingOneKey(string prefixA, string prefixB)
    {
        var a = DistributedSecretCacheTests.Options();
        a.KeyPrefix = prefixA;
        var b = DistributedSecretCacheTests.Options();
        b.KeyPrefix = prefixB;
        b.EncryptionKey = a.EncryptionKey;
        return (a, b);
    }
}
