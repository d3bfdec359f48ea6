using System.Diagnostics;
using AkeylessSharp.Caching.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace AkeylessSharp.Caching.Tests.Client;

/// <summary>A key someone else left where the fleet's fetch lock of a secret lives.</summary>
[Collection("redis")]
public sealed class ForeignLockKeyTests(RedisFixture redis) : IAsyncLifetime
{
    private ClientFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await ClientFixture.StartAsync();

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Theory]
    [InlineData("string")]
    [InlineData("list")]
    public async Task AForeignKeyAtTheLockKey_NeverFailsARead_AndCostsAtMostTheLockDuration(string type)
    {
        var prefix = $"lockprobe-{Guid.NewGuid():N}:";
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Server.Configuration());
        RedisKey lockKey = prefix + "lock:" + ClientFixture.Paths[0];
        if (type == "string")
        {
            await connection.GetDatabase().StringSetAsync(lockKey, "someone else's");
        }
        else
        {
            await connection.GetDatabase().ListRightPushAsync(lockKey, "someone else's");
        }

        var services = new ServiceCollection();
        services.AddAkeyless(o =>
        {
            o.ApiUrl = _fixture.Emulator.BaseUrl.ToString();
            o.AccessId = _fixture.Emulator.AccessId;
            o.AccessKey = _fixture.Emulator.AccessKey;
            o.MaxRetries = 0;
        }).AddRedisCache($"127.0.0.1:{redis.Server.Port},abortConnect=false", c =>
        {
            c.EncryptionKey = Convert.ToBase64String(new byte[32]);
            c.KeyPrefix = prefix;
            c.BatchingEnabled = false;
            c.DistributedCacheTimeout = TimeSpan.FromSeconds(30);
            c.FetchLockDuration = TimeSpan.FromMilliseconds(500);
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IAkeylessClient>();
        await client.TestConnectionAsync();
        var watch = Stopwatch.StartNew();

        Assert.Equal("e2e-value-0", await client.GetSecretAsync(ClientFixture.Paths[0]));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Equal("e2e-value-0", await client.GetSecretAsync(ClientFixture.Paths[0]));
    }
}
