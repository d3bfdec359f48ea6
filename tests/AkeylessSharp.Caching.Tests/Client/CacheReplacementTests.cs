using AkeylessSharp.Caching.StackExchangeRedis;
using AkeylessSharp.Caching.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AkeylessSharp.Caching.Tests.Client;

/// <summary>
/// A client has one secret cache: of several cache calls on one registration the last one's store is used (the options
/// of all of them apply), and the Redis fetch lock comes only with the Redis cache.
/// </summary>
[Collection("redis")]
public sealed class CacheReplacementTests(RedisFixture redis)
{
    private static readonly string Key = Convert.ToBase64String(new byte[32]);

    public static TheoryData<string, Action<IAkeylessBuilder>, Type, Type?> Sequences => new()
    {
        { "memory, then distributed", b => b.AddMemoryCache().AddDistributedCache(c => c.EncryptionKey = Key), typeof(DistributedSecretCache), null },
        { "distributed, then memory", b => b.AddDistributedCache(c => c.EncryptionKey = Key).AddMemoryCache(), typeof(MemorySecretCache), null },
        { "redis, then memory", b => b.AddRedisCache("127.0.0.1:1,abortConnect=false", c => c.EncryptionKey = Key).AddMemoryCache(), typeof(MemorySecretCache), null },
        { "memory, then redis", b => b.AddMemoryCache().AddRedisCache("127.0.0.1:1,abortConnect=false", c => c.EncryptionKey = Key), typeof(DistributedSecretCache), typeof(RedisSecretFetchLock) },
    };

    [Theory]
    [MemberData(nameof(Sequences))]
    public void TwoCacheCalls_TheLastOnesStoreIsUsed(string sequence, Action<IAkeylessBuilder> addCaches, Type cache, Type? fetchLock)
    {
        var services = new ServiceCollection();
        services.AddDistributedMemoryCache();
        addCaches(services.AddAkeyless(Valid));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<AkeylessClientOptions>>().Get(Options.DefaultName);

        Assert.True(cache == options.SecretCache?.GetType(), $"{sequence}: {options.SecretCache?.GetType().Name}");
        Assert.True(fetchLock == options.SecretFetchLock?.GetType(), $"{sequence}: {options.SecretFetchLock?.GetType().Name}");
    }

    [Fact]
    public async Task AddRedisCache_Twice_TheLastConnectionIsUsed()
    {
        string prefix = $"replaced-{Guid.NewGuid():N}:";
        var services = new ServiceCollection();
        await using var fixture = await ClientFixture.StartAsync();
        services.AddAkeyless(o =>
        {
            var from = fixture.Options(null);
            o.ApiUrl = from.ApiUrl;
            o.AccessId = from.AccessId;
            o.AccessKey = from.AccessKey;
        })
            .AddRedisCache("127.0.0.1:1,abortConnect=false", c => c.EncryptionKey = Key)
            .AddRedisCache($"127.0.0.1:{redis.Server.Port},abortConnect=false", c =>
            {
                c.KeyPrefix = prefix;
                c.BatchingEnabled = false;
                c.DistributedCacheTimeout = TimeSpan.FromSeconds(30);
            });
        await using (var provider = services.BuildServiceProvider())
        {
            Assert.Equal("e2e-value-7", await provider.GetRequiredService<IAkeylessClient>().GetSecretAsync(ClientFixture.Paths[7]));
        }

        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Server.Configuration());
        var keys = new List<RedisKey>();
        await foreach (var key in connection.GetServers()[0].KeysAsync(pattern: prefix + "*"))
        {
            keys.Add(key);
        }

        Assert.NotEmpty(keys);
    }

    private static void Valid(AkeylessClientOptions options)
    {
        options.ApiUrl = "http://127.0.0.1:1/";
        options.AccessId = "p-abc";
        options.AccessKey = "k";
    }
}
