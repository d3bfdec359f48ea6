using System.Text;
using AkeylessSharp.Caching.Tests.Infrastructure;
using AkeylessSharp.Emulator;
using StackExchange.Redis;

namespace AkeylessSharp.Caching.Tests.Caching;

/// <summary>Against a real redis-server started by the fixture, and the emulator as Akeyless.</summary>
[Collection("redis")]
public sealed class RedisTests(RedisFixture redis)
{
    private static readonly KeyValuePair<string, string>[] Items =
        Enumerable.Range(0, 100).Select(i => KeyValuePair.Create($"/fleet/secret-{i}", $"fleet-value-{i}")).ToArray();

    [Fact]
    public async Task TwoInstancesSharingRedis_MakeOneAkeylessRequestPerSecret()
    {
        await using var emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { SeedJson = EmulatorSource.SeedStatic(Items) });
        var options = DistributedSecretCacheTests.Options();
        options.KeyPrefix = $"fleet-{Guid.NewGuid():N}:";
        options.BatchingEnabled = false; // one request per secret makes the count exact
        options.DistributedCacheTimeout = TimeSpan.FromSeconds(30); // a Redis call slowed by a loaded machine must not open the breaker and turn hits into misses

        using var redisA = await redis.Server.CreateDistributedCacheAsync();
        using var redisB = await redis.Server.CreateDistributedCacheAsync();
        using var sourceA = new EmulatorSource(emulator);
        using var sourceB = new EmulatorSource(emulator);
        var instanceA = TestReaders.Create(sourceA.FetchAsync, TimeProvider.System, options, new DistributedSecretCache(redisA, options));
        var instanceB = TestReaders.Create(sourceB.FetchAsync, TimeProvider.System, options, new DistributedSecretCache(redisB, options));

        foreach (var (path, value) in Items)
        {
            Assert.Equal(value, await instanceA.GetSecretAsync(path, false, CancellationToken.None));
            Assert.Equal(value, await instanceB.GetSecretAsync(path, false, CancellationToken.None));
        }

        Assert.Equal(Items.Length, emulator.Counters.Get("get-secret-value"));
    }

    [Fact]
    public async Task VariantUnicodeAndLongKeys_AndHugeTtls_RoundTripThroughRedis_EachUnderItsOwnKey()
    {
        var options = DistributedSecretCacheTests.Options();
        options.KeyPrefix = $"keys-{Guid.NewGuid():N}:";
        using var distributed = await redis.Server.CreateDistributedCacheAsync();
        var cache = new DistributedSecretCache(distributed, options);
        string[] keys =
        [
            Internal.SecretCacheKey.Static("/a", 3, null),
            Internal.SecretCacheKey.Static("/a", null, "db.password"),
            Internal.SecretCacheKey.Dynamic("/a", "t1", new Dictionary<string, string> { ["ttl"] = "60" }),
            "/\u00e9t\u00e9/\u79d8\u5bc6/\ud83d\udd11",
            "/" + new string('x', 100_000),
        ];
        for (int i = 0; i < keys.Length; i++)
        {
            await cache.SetAsync(keys[i], $"value-{i}", i == 0 ? TimeSpan.MaxValue : TimeSpan.FromMinutes(1));
        }

        var other = new DistributedSecretCache(distributed, options);
        for (int i = 0; i < keys.Length; i++)
        {
            Assert.Equal($"value-{i}", await other.GetAsync(keys[i]));
        }

        Assert.True(other.IsDistributedCacheAvailable);
    }

    [Fact]
    public async Task ValuesInRedis_AreEncrypted()
    {
        var options = DistributedSecretCacheTests.Options();
        options.KeyPrefix = $"enc-{Guid.NewGuid():N}:";
        using var distributed = await redis.Server.CreateDistributedCacheAsync();
        var cache = new DistributedSecretCache(distributed, options);
        await cache.SetAsync("/db/password", "plaintext-canary", TimeSpan.FromMinutes(1));

        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Server.Configuration());
        var server = connection.GetServer(connection.GetEndPoints()[0]);
        var keys = server.Keys(pattern: options.KeyPrefix + "*").ToArray();
        var key = Assert.Single(keys);
        var entry = await connection.GetDatabase().HashGetAllAsync(key);
        Assert.NotEmpty(entry);
        Assert.All(entry, field => Assert.DoesNotContain("plaintext-canary", Encoding.UTF8.GetString((byte[])field.Value!), StringComparison.Ordinal));
        Assert.Equal("plaintext-canary", await cache.GetAsync("/db/password"));
    }

    [Fact]
    public async Task TamperedRedisEntry_IsAMiss_AndIsReplacedByAFreshFetch()
    {
        var options = DistributedSecretCacheTests.Options();
        options.KeyPrefix = $"tamper-{Guid.NewGuid():N}:";
        options.BatchingEnabled = false;
        using var distributed = await redis.Server.CreateDistributedCacheAsync();
        var cache = new DistributedSecretCache(distributed, options);
        var source = CountingSource.WithPaths(1);
        var reader = TestReaders.Create(source.FetchAsync, TimeProvider.System, options, cache);
        await reader.GetSecretAsync("/app/secret-0", false, CancellationToken.None);

        string redisKey = options.KeyPrefix + "0:/app/secret-0";
        byte[] stored = (await distributed.GetAsync(redisKey))!;
        stored[^3] ^= 0x5A;
        await distributed.SetAsync(redisKey, stored, new() { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1) });

        Assert.Null(await cache.GetAsync("/app/secret-0"));
        Assert.Equal("value-0", await reader.GetSecretAsync("/app/secret-0", false, CancellationToken.None));
        Assert.Equal(2, source.Calls);
        Assert.Equal("value-0", await cache.GetAsync("/app/secret-0"));
    }

    [Fact]
    public async Task RedisKilledMidRun_ReadsDegradeToMemoryAndAkeyless()
    {
        await using var server = await RedisServer.StartAsync();
        var options = DistributedSecretCacheTests.Options();
        options.BatchingEnabled = false;
        options.DistributedCacheTimeout = TimeSpan.FromSeconds(2);
        options.DistributedCacheBreakDuration = TimeSpan.FromMinutes(5);
        using var distributed = await server.CreateDistributedCacheAsync();
        var cache = new DistributedSecretCache(distributed, options);
        var source = CountingSource.WithPaths(3);
        var reader = TestReaders.Create(source.FetchAsync, TimeProvider.System, options, cache);
        Assert.Equal("value-0", await reader.GetSecretAsync("/app/secret-0", false, CancellationToken.None));
        Assert.True(cache.IsDistributedCacheAvailable);

        server.Kill();

        Assert.Equal("value-1", await reader.GetSecretAsync("/app/secret-1", false, CancellationToken.None));
        Assert.False(cache.IsDistributedCacheAvailable);
        Assert.Equal("value-1", await reader.GetSecretAsync("/app/secret-1", false, CancellationToken.None));
        Assert.Equal("value-0", await reader.GetSecretAsync("/app/secret-0", false, CancellationToken.None));
        Assert.Equal(3, source.Calls); // secret-0 once before the outage, secret-1 once into memory, secret-0 once more
    }
}
