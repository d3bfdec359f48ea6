using System.Diagnostics;
using AkeylessSharp.Caching.Tests.Infrastructure;
using StackExchange.Redis;

namespace AkeylessSharp.Caching.Tests.Caching;

/// <summary>
/// Redis answering errors or not answering (on a redis-server of the test's own, since these change its settings), and a
/// key prefix shared by two applications with different encryption keys: reads never fail and never cross over.
/// </summary>
public sealed class RedisFaultTests
{
    [Fact]
    public async Task RedisOutOfMemory_WritesDegradeToMemory_ReadsNeverFail_AndRecoverAfterTheBreak()
    {
        await using var server = await RedisServer.StartAsync();
        await using var admin = await ConnectionMultiplexer.ConnectAsync(server.Configuration());
        var options = DistributedSecretCacheTests.Options();
        options.BatchingEnabled = false;
        options.DistributedCacheTimeout = TimeSpan.FromSeconds(5);
        var clock = TestReaders.Clock();
        using var distributed = await server.CreateDistributedCacheAsync();
        var cache = new DistributedSecretCache(distributed, options, clock);
        var source = CountingSource.WithPaths(2);
        var reader = TestReaders.Create(source.FetchAsync, clock, options, cache);
        await admin.GetServer(admin.GetEndPoints()[0]).ExecuteAsync("CONFIG", "SET", "maxmemory-policy", "noeviction");
        await admin.GetServer(admin.GetEndPoints()[0]).ExecuteAsync("CONFIG", "SET", "maxmemory", "1");

        Assert.Equal("value-0", await reader.GetSecretAsync("/app/secret-0", false, CancellationToken.None));
        Assert.False(cache.IsDistributedCacheAvailable);
        Assert.Equal("value-0", await reader.GetSecretAsync("/app/secret-0", false, CancellationToken.None));
        Assert.Equal(1, source.Calls);

        await admin.GetServer(admin.GetEndPoints()[0]).ExecuteAsync("CONFIG", "SET", "maxmemory", "0");
        clock.Advance(options.DistributedCacheBreakDuration + TimeSpan.FromSeconds(1));
        await cache.SetAsync("/app/probe", "probe-value", TimeSpan.FromMinutes(1));

        Assert.True(cache.IsDistributedCacheAvailable);
        Assert.Equal("probe-value", await cache.GetAsync("/app/probe"));
    }

    [Fact]
    public async Task RedisPaused_ReadsEndWithinTheOperationTimeout_FromAkeyless()
    {
        await using var server = await RedisServer.StartAsync();
        await using var admin = await ConnectionMultiplexer.ConnectAsync(server.Configuration());
        var options = DistributedSecretCacheTests.Options();
        options.BatchingEnabled = false;
        options.DistributedCacheTimeout = TimeSpan.FromMilliseconds(200);
        using var distributed = await server.CreateDistributedCacheAsync();
        var cache = new DistributedSecretCache(distributed, options);
        var source = CountingSource.WithPaths(1);
        var reader = TestReaders.Create(source.FetchAsync, TimeProvider.System, options, cache);
        await admin.GetServer(admin.GetEndPoints()[0]).ExecuteAsync("CLIENT", "PAUSE", "3000", "ALL");
        var watch = Stopwatch.StartNew();

        Assert.Equal("value-0", await reader.GetSecretAsync("/app/secret-0", false, CancellationToken.None));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2.5), $"took {watch.Elapsed}");
        Assert.False(cache.IsDistributedCacheAvailable);
    }

    [Fact]
    public async Task TwoAppsSharingAPrefix_WithDifferentKeys_NeverServeEachOthersValues()
    {
        await using var server = await RedisServer.StartAsync();
        string prefix = $"shared-{Guid.NewGuid():N}:";
        var optionsA = DistributedSecretCacheTests.Options();
        var optionsB = DistributedSecretCacheTests.Options();
        optionsA.KeyPrefix = optionsB.KeyPrefix = prefix;
        optionsA.BatchingEnabled = optionsB.BatchingEnabled = false;
        using var redisA = await server.CreateDistributedCacheAsync();
        using var redisB = await server.CreateDistributedCacheAsync();
        var cacheA = new DistributedSecretCache(redisA, optionsA);
        var cacheB = new DistributedSecretCache(redisB, optionsB);
        var sourceA = CountingSource.WithPaths(1, "/app/secret-");
        var sourceB = new CountingSource(new Dictionary<string, string> { ["/app/secret-0"] = "other-app-value" });
        var readerA = TestReaders.Create(sourceA.FetchAsync, TimeProvider.System, optionsA, cacheA);
        var readerB = TestReaders.Create(sourceB.FetchAsync, TimeProvider.System, optionsB, cacheB);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("value-0", await readerA.GetSecretAsync("/app/secret-0", false, CancellationToken.None));
            Assert.Equal("other-app-value", await readerB.GetSecretAsync("/app/secret-0", false, CancellationToken.None));
            Assert.NotEqual("other-app-value", await cacheA.GetAsync("/app/secret-0"));
            Assert.NotEqual("value-0", await cacheB.GetAsync("/app/secret-0"));
        }

        Assert.True(cacheA.IsDistributedCacheAvailable);
        Assert.True(cacheB.IsDistributedCacheAvailable);
    }
}
