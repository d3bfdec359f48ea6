using AkeylessSharp.Caching.Tests.Caching;
using AkeylessSharp.Caching.Tests.Infrastructure;
using AkeylessSharp.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AkeylessSharp.Caching.Tests.Client;

/// <summary>Clients sharing one real Redis: the fleet makes one Akeyless request per secret.</summary>
[Collection("redis")]
public sealed class ClientRedisTests(RedisFixture redis) : IAsyncLifetime
{
    private static readonly string[] Paths = ClientFixture.Paths;
    private readonly List<IDisposable> _caches = [];
    private ClientFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await ClientFixture.StartAsync();

    public async Task DisposeAsync()
    {
        await _fixture.DisposeAsync();
        _caches.ForEach(cache => cache.Dispose());
    }

    [Fact]
    public async Task TwoClientsSharingRedis_OneAkeylessRequestPerSecret()
    {
        var (_, clientA, clientB) = await TwoInstancesAsync();

        foreach (string path in Paths)
        {
            string value = await clientA.GetSecretAsync(path);
            Assert.Equal(value, await clientB.GetSecretAsync(path));
        }

        Assert.Equal(Paths.Length, _fixture.Requests("get-secret-value"));
        Assert.Equal(1, _fixture.Requests("auth")); // the second client never needed Akeyless at all

        // Batched: a fleet-wide cold GetSecrets is one request, and the other instance's is none.
        var batchOptions = DistributedSecretCacheTests.Options();
        batchOptions.KeyPrefix = $"clients-{Guid.NewGuid():N}:";
        var clientC = _fixture.Client(batchOptions, new DistributedSecretCache(await RedisCacheAsync(), batchOptions, _fixture.Clock));
        var clientD = _fixture.Client(batchOptions, new DistributedSecretCache(await RedisCacheAsync(), batchOptions, _fixture.Clock));
        Assert.Equal(100, (await clientC.GetSecretsAsync(Paths)).Count);
        Assert.Equal(100, (await clientD.GetSecretsAsync(Paths)).Count);
        Assert.Equal(Paths.Length + 1, _fixture.Requests("get-secret-value"));
    }

    [Fact]
    public async Task AnInstanceThatNeverReadASecret_AnswersAnOutageWithTheFleetsStaleCopy_UpToMaxStale()
    {
        var (options, clientA, clientB) = await TwoInstancesAsync();
        await clientB.TestConnectionAsync();
        Assert.Equal("e2e-value-0", await clientA.GetSecretAsync(Paths[0]));

        _fixture.Clock.Advance(options.StaticSecretTtl + TimeSpan.FromMinutes(1));
        _fixture.Emulator.Faults.FailNext("get-secret-value", 100, 503);
        Assert.Equal("e2e-value-0", await clientB.GetSecretAsync(Paths[0]));

        _fixture.Clock.Advance(options.MaxStale);
        var error = await Assert.ThrowsAsync<AkeylessServiceUnavailableException>(async () => await clientB.GetSecretAsync(Paths[0]));
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, error.StatusCode);
    }

    [Fact]
    public async Task ASecretDeletedBehindTheFleetsBack_IsNeverServedFromTheStaleCopy()
    {
        var (options, clientA, clientB) = await TwoInstancesAsync();
        Assert.Equal("e2e-value-1", await clientA.GetSecretAsync(Paths[1]));

        await _fixture.Client(cache: null).DeleteItemAsync(Paths[1]);
        _fixture.Clock.Advance(options.StaticSecretTtl + TimeSpan.FromMinutes(1));
        await Assert.ThrowsAsync<AkeylessNotFoundException>(async () => await clientB.GetSecretAsync(Paths[1]));

        _fixture.Emulator.Faults.FailNext("get-secret-value", 100, 503);
        await Assert.ThrowsAsync<AkeylessServiceUnavailableException>(async () => await clientA.GetSecretAsync(Paths[1]));
    }

    [Fact]
    public async Task AJsonAttributeOneInstanceCached_IsReadAfresh_AfterAnotherInstanceWritesThePath()
    {
        var (_, clientA, clientB) = await TwoInstancesAsync();
        var attribute = new SecretRequestOptions { JsonAttribute = "db.password" };
        Assert.Equal("json-pw", await clientA.GetSecretAsync(ClientFixture.JsonPath, attribute));
        Assert.Equal("json-pw", await clientB.GetSecretAsync(ClientFixture.JsonPath, attribute));
        Assert.Equal(1, _fixture.Requests("get-secret-value"));

        await clientB.UpdateSecretValueAsync(ClientFixture.JsonPath, """{"db":{"password":"new-pw"}}""");

        Assert.Equal("new-pw", await clientA.GetSecretAsync(ClientFixture.JsonPath, attribute));
    }

    [Fact]
    public async Task DependencyInjection_AddRedisCache_SharesValuesBetweenContainers()
    {
        var shared = SharedRedis();
        await using var first = Container(shared);
        await using var second = Container(shared);

        var a = first.GetRequiredService<IAkeylessClient>();
        var b = second.GetRequiredService<IAkeylessClient>();
        Assert.Equal("e2e-value-3", await a.GetSecretAsync(Paths[3]));
        Assert.Equal("e2e-value-3", await b.GetSecretAsync(Paths[3]));
        Assert.Equal(1, _fixture.Requests("get-secret-value"));
    }

    [Fact]
    public async Task DependencyInjection_AddRedisCache_ContainersMissingTogether_FetchOnceThroughTheLock()
    {
        var shared = SharedRedis();
        await using var first = Container(shared);
        await using var second = Container(shared);
        Assert.IsType<RedisSecretFetchLock>(first.GetRequiredService<IOptionsMonitor<AkeylessClientOptions>>().Get(Options.DefaultName).SecretFetchLock);

        var a = first.GetRequiredService<IAkeylessClient>();
        var b = second.GetRequiredService<IAkeylessClient>();
        await a.TestConnectionAsync();
        await b.TestConnectionAsync();
        _fixture.Emulator.Faults.AddLatency("get-secret-value", TimeSpan.FromMilliseconds(150));

        var reads = Paths.Take(20).SelectMany(path => new[] { a.GetSecretAsync(path).AsTask(), b.GetSecretAsync(path).AsTask() });
        await Task.WhenAll(reads).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.All(Paths.Take(20), path => Assert.Equal(1, _fixture.Emulator.Counters.ValueReads(path)));
    }

    [Fact]
    public async Task DependencyInjection_AddMemoryCache_CachesPerContainer()
    {
        var services = new ServiceCollection();
        services.AddAkeyless(o => Copy(_fixture.Options(null), o)).AddMemoryCache(c => c.BatchingEnabled = false);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IAkeylessClient>();

        await client.GetSecretAsync(Paths[4]);
        await client.GetSecretAsync(Paths[4]);
        Assert.Equal(1, _fixture.Requests("get-secret-value"));
    }

    [Fact]
    public void DependencyInjection_DistributedWithoutKey_FailsWithAConfigurationError()
    {
        var services = new ServiceCollection();
        services.AddAkeyless(o => Copy(_fixture.Options(null), o)).AddRedisCache($"127.0.0.1:{redis.Server.Port}");
        using var provider = services.BuildServiceProvider();
        Assert.Throws<AkeylessConfigurationException>(() => provider.GetRequiredService<IAkeylessClient>());
    }

    /// <summary>Two app instances sharing one Redis, each over its own connection, unbatched.</summary>
    private async Task<(AkeylessCacheOptions Options, AkeylessClient A, AkeylessClient B)> TwoInstancesAsync()
    {
        var options = DistributedSecretCacheTests.Options();
        options.KeyPrefix = $"clients-{Guid.NewGuid():N}:";
        options.BatchingEnabled = false;
        var a = _fixture.Client(options, new DistributedSecretCache(await RedisCacheAsync(), options, _fixture.Clock));
        var b = _fixture.Client(options, new DistributedSecretCache(await RedisCacheAsync(), options, _fixture.Clock));
        return (options, a, b);
    }

    private async Task<Microsoft.Extensions.Caching.StackExchangeRedis.RedisCache> RedisCacheAsync()
    {
        var cache = await redis.Server.CreateDistributedCacheAsync();
        _caches.Add(cache);
        return cache;
    }

    /// <summary>What app instances sharing a Redis secret cache have in common: the Redis, the encryption key, the prefix.</summary>
    private SharedRedisSettings SharedRedis() => new(
        $"127.0.0.1:{redis.Server.Port},abortConnect=false",
        Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        $"di-{Guid.NewGuid():N}:");

    private ServiceProvider Container(SharedRedisSettings shared)
    {
        var services = new ServiceCollection();
        services.AddAkeyless(o => Copy(_fixture.Options(null), o)).AddRedisCache(shared.Connection, c =>
        {
            c.EncryptionKey = shared.EncryptionKey;
            c.KeyPrefix = shared.KeyPrefix;
            c.BatchingEnabled = false;

            // The first command of a new container also connects; on a loaded machine that can pass the 1 s default,
            // and this test is about sharing values, not about the timeout.
            c.DistributedCacheTimeout = TimeSpan.FromSeconds(30);
        });
        return services.BuildServiceProvider();
    }

    private static void Copy(AkeylessClientOptions from, AkeylessClientOptions to)
    {
        to.ApiUrl = from.ApiUrl;
        to.AccessId = from.AccessId;
        to.AccessKey = from.AccessKey;
        to.MaxRetries = 0;
    }

    private sealed record SharedRedisSettings(string Connection, string EncryptionKey, string KeyPrefix);
}
