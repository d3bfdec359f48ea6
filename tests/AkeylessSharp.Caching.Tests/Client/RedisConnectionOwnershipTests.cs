using AkeylessSharp.Caching.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace AkeylessSharp.Caching.Tests.Client;

/// <summary>Who closes the Redis connection of <c>AddRedisCache</c>: the container when it made it, never when the application supplied it.</summary>
[Collection("redis")]
public sealed class RedisConnectionOwnershipTests(RedisFixture redis) : IAsyncLifetime
{
    private ClientFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await ClientFixture.StartAsync();

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task AddRedisCache_TheApplicationsOwnConnection_OutlivesTheContainer()
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Server.Configuration());
        var services = new ServiceCollection();
        services.AddAkeyless(Valid).AddRedisCache(r => r.ConnectionMultiplexerFactory = () => Task.FromResult<IConnectionMultiplexer>(connection), Cache);
        await using (var provider = services.BuildServiceProvider())
        {
            Assert.Equal("e2e-value-5", await provider.GetRequiredService<IAkeylessClient>().GetSecretAsync(ClientFixture.Paths[5]));
        }

        Assert.True(connection.IsConnected);
        await connection.GetDatabase().PingAsync();
    }

    [Fact]
    public async Task AddRedisCache_AConnectionItMade_ClosesWithTheContainer()
    {
        string name = $"owned-{Guid.NewGuid():N}";
        var admin = redis.Server.Configuration();
        admin.AllowAdmin = true;
        await using var observer = await ConnectionMultiplexer.ConnectAsync(admin);
        var services = new ServiceCollection();
        services.AddAkeyless(Valid).AddRedisCache($"127.0.0.1:{redis.Server.Port},abortConnect=false,name={name}", Cache);
        await using (var provider = services.BuildServiceProvider())
        {
            Assert.Equal("e2e-value-6", await provider.GetRequiredService<IAkeylessClient>().GetSecretAsync(ClientFixture.Paths[6]));
            Assert.NotEmpty(await ClientsNamedAsync(observer, name));
        }

        for (int i = 0; i < 100 && (await ClientsNamedAsync(observer, name)).Length > 0; i++)
        {
            await Task.Delay(50); // the server drops a closed client on its own time; bounded at 5 s
        }

        Assert.Empty(await ClientsNamedAsync(observer, name));
    }

    private static async Task<ClientInfo[]> ClientsNamedAsync(IConnectionMultiplexer observer, string name) =>
        (await observer.GetServer(observer.GetEndPoints()[0]).ClientListAsync()).Where(c => c.Name == name).ToArray();

    private void Valid(AkeylessClientOptions options)
    {
        var from = _fixture.Options(null);
        options.ApiUrl = from.ApiUrl;
        options.AccessId = from.AccessId;
        options.AccessKey = from.AccessKey;
        options.MaxRetries = 0;
    }

    private static void Cache(AkeylessCacheOptions options)
    {
        options.EncryptionKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        options.KeyPrefix = $"owner-{Guid.NewGuid():N}:";
        options.BatchingEnabled = false;
        options.DistributedCacheTimeout = TimeSpan.FromSeconds(30);
    }
}
