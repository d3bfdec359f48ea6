using AkeylessSharp.Caching.StackExchangeRedis;
using AkeylessSharp.Caching.Tests.Infrastructure;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using StackExchange.Redis;

namespace AkeylessSharp.Caching.Tests.Caching;

/// <summary>Keys under the cache's prefix that someone else wrote as another Redis type: that key's problem, never an outage.</summary>
[Collection("redis")]
public sealed class ForeignRedisEntryTests(RedisFixture redis)
{
    [Theory]
    [InlineData("string")]
    [InlineData("list")]
    [InlineData("set")]
    public async Task AnEntryKeyOfAnotherRedisType_IsAMiss_AndLeavesTheDistributedCacheInUse(string type)
    {
        var options = DistributedSecretCacheTests.Options();
        options.KeyPrefix = $"wrongtype-{Guid.NewGuid():N}:";
        options.BatchingEnabled = false;
        using var store = await StoreAsync();
        var cache = new DistributedSecretCache(store.Cache, options);
        var source = CountingSource.WithPaths(2);
        var reader = TestReaders.Create(source.FetchAsync, TimeProvider.System, options, cache);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Server.Configuration());
        var db = connection.GetDatabase();
        RedisKey poisoned = options.KeyPrefix + "0:/app/secret-0";
        await WriteForeignAsync(db, poisoned, type);

        Assert.Equal("value-0", await reader.GetSecretAsync("/app/secret-0", false, CancellationToken.None));
        Assert.Equal("value-1", await reader.GetSecretAsync("/app/secret-1", false, CancellationToken.None));

        Assert.True(cache.IsDistributedCacheAvailable);
        Assert.Equal("value-1", await cache.GetAsync("/app/secret-1"));
        Assert.Equal("value-0", await cache.GetAsync("/app/secret-0"));
    }

    [Theory]
    [InlineData("string")]
    [InlineData("list")]
    public async Task AGenerationKeyOfAnotherRedisType_LeavesTheDistributedCacheInUse(string type)
    {
        var options = DistributedSecretCacheTests.Options();
        options.KeyPrefix = $"wronggen-{Guid.NewGuid():N}:";
        using var store = await StoreAsync();
        var cache = new DistributedSecretCache(store.Cache, options);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Server.Configuration());
        await WriteForeignAsync(connection.GetDatabase(), options.KeyPrefix + "generation", type);

        await cache.SetAsync("/app/a", "value-a", TimeSpan.FromMinutes(1));

        Assert.True(cache.IsDistributedCacheAvailable);
        Assert.Equal("value-a", await cache.GetAsync("/app/a"));
    }

    private async Task<RedisSecretStore> StoreAsync()
    {
        var store = new RedisSecretStore(new RedisCacheOptions { ConfigurationOptions = redis.Server.Configuration() });
        await store.Cache.GetAsync("warm-up");
        return store;
    }

    private static async Task WriteForeignAsync(IDatabase db, RedisKey key, string type)
    {
        switch (type)
        {
            case "string":
                await db.StringSetAsync(key, "someone else's value");
                break;
            case "list":
                await db.ListRightPushAsync(key, "someone else's value");
                break;
            default:
                await db.SetAddAsync(key, "someone else's value");
                break;
        }
    }
}
