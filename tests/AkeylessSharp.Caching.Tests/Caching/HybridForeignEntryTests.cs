using AkeylessSharp.Caching.Tests.Infrastructure;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace AkeylessSharp.Caching.Tests.Caching;

/// <summary>The hybrid cache's keys written by someone else: another type in L1, garbage or another Redis type in L2.</summary>
[Collection("redis")]
public sealed class HybridForeignEntryTests(RedisFixture redis) : IDisposable
{
    private readonly List<ServiceProvider> _providers = [];

    public void Dispose() => _providers.ForEach(p => p.Dispose());

    [Fact]
    public async Task TheApplicationsOwnEntryOfAnotherType_UnderTheSameKey_IsAMiss_AndIsReplaced()
    {
        var options = DistributedSecretCacheTests.Options();
        var hybrid = NewHybrid();
        await hybrid.SetAsync(options.KeyPrefix + "/app/secret-0", 42);
        var cache = new HybridSecretCache(hybrid, options);

        Assert.Null(await cache.GetAsync("/app/secret-0"));
        await cache.SetAsync("/app/secret-0", "value-0", TimeSpan.FromMinutes(1));
        Assert.Equal("value-0", await cache.GetAsync("/app/secret-0"));
    }

    [Theory]
    [InlineData("garbage", true)]
    [InlineData("string", false)]
    [InlineData("list", false)]
    public async Task AForeignL2Entry_IsAMiss_NeverAFailure(string kind, bool replaced)
    {
        var options = DistributedSecretCacheTests.Options();
        options.KeyPrefix = $"hybrid-{Guid.NewGuid():N}:";
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Server.Configuration());
        var db = connection.GetDatabase();
        RedisKey key = options.KeyPrefix + "/app/secret-0";
        switch (kind)
        {
            case "garbage":
                await db.HashSetAsync(key, [new HashEntry("data", new byte[] { 1, 2, 3, 0xFF, 0xA1 }), new HashEntry("absexp", -1), new HashEntry("sldexp", -1)]);
                break;
            case "string":
                await db.StringSetAsync(key, "someone else's");
                break;
            default:
                await db.ListRightPushAsync(key, "someone else's");
                break;
        }

        var cache = new HybridSecretCache(NewHybrid(), options);
        var source = CountingSource.WithPaths(1);
        var reader = TestReaders.Create(source.FetchAsync, TimeProvider.System, options, cache);

        Assert.Equal("value-0", await reader.GetSecretAsync("/app/secret-0", false, CancellationToken.None));

        // HybridCache logs and swallows its L2's WRONGTYPE on write, so a key of another Redis type is not shared with
        // the fleet (each instance reads Akeyless for it) until someone deletes it; a garbage hash is overwritten.
        Assert.Equal(replaced ? "value-0" : null, await new HybridSecretCache(NewHybrid(), options).GetAsync("/app/secret-0"));
    }

    private HybridCache NewHybrid()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IDistributedCache>(new RedisCache(new RedisCacheOptions { ConfigurationOptions = redis.Server.Configuration() }));
        services.AddHybridCache();
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<HybridCache>();
    }
}
