using AkeylessSharp.Caching.StackExchangeRedis;
using AkeylessSharp.Caching.StackExchangeRedis.Internal;
using AkeylessSharp.Caching.Tests.Caching;
using AkeylessSharp.Caching.Tests.Infrastructure;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using StackExchange.Redis;

namespace AkeylessSharp.Caching.Tests.Client;

/// <summary>
/// Instances sharing one real Redis, each with its own connections, missing the same secrets at the same moment: the fetch
/// lock makes the fleet read each value from Akeyless once. Fetches are slowed down so that, without the lock, every
/// instance would be fetching at once (the control test shows it does).
/// </summary>
[Collection("redis")]
public sealed partial class FleetFetchLockTests(RedisFixture redis) : IAsyncLifetime
{
    private static readonly string[] Paths = ClientFixture.Paths;
    private static readonly TimeSpan SlowFetch = TimeSpan.FromMilliseconds(150);
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private readonly List<IAsyncDisposable> _owned = [];
    private readonly string _prefix = $"fleet-{Guid.NewGuid():N}:";
    private ClientFixture _fixture = null!;

    public async Task InitializeAsync() => _fixture = await ClientFixture.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }

        await _fixture.DisposeAsync();
    }

    [Fact]
    public async Task SimultaneousColdReadsOnThreeInstances_ReadEachSecretFromAkeylessOnce()
    {
        _fixture.Emulator.Faults.AddLatency("get-secret-value", SlowFetch);
        var options = CacheOptions(batching: false);
        var fleet = new[] { await InstanceAsync(options), await InstanceAsync(options), await InstanceAsync(options) };

        var reads = Paths.SelectMany(path => fleet.Select(client => ReadAsync(client, path))).ToArray();
        await Task.WhenAll(reads).WaitAsync(Bound);

        Assert.All(Paths, path => Assert.Equal(1, _fixture.Emulator.Counters.ValueReads(path)));
        Assert.Equal(Paths.Length, _fixture.Requests("get-secret-value"));
    }

    [Fact]
    public async Task Control_WithoutTheLock_TheSameReadsFetchTheSecretsMoreThanOnce()
    {
        _fixture.Emulator.Faults.AddLatency("get-secret-value", SlowFetch);
        var options = CacheOptions(batching: false);
        var fleet = new[] { await InstanceAsync(options, withLock: false), await InstanceAsync(options, withLock: false) };

        await Task.WhenAll(Paths.SelectMany(path => fleet.Select(client => ReadAsync(client, path)))).WaitAsync(Bound);

        Assert.True(Paths.Sum(_fixture.Emulator.Counters.ValueReads) > Paths.Length, "without the lock both instances should have fetched");
    }

    [Fact]
    public async Task SimultaneousBulkReadsOnTwoInstances_ReadEachSecretOnce_InAtMostOneBatchPerInstance()
    {
        _fixture.Emulator.Faults.AddLatency("get-secret-value", SlowFetch);
        var options = CacheOptions(batching: true);
        var a = await InstanceAsync(options);
        var b = await InstanceAsync(options);

        var results = await Task.WhenAll(a.GetSecretsAsync(Paths), b.GetSecretsAsync(Paths)).WaitAsync(Bound);

        Assert.All(results, values => Assert.Equal(Paths.Select((_, i) => $"e2e-value-{i}"), Paths.Select(p => values[p])));
        Assert.All(Paths, path => Assert.Equal(1, _fixture.Emulator.Counters.ValueReads(path)));
        Assert.InRange(_fixture.Requests("get-secret-value"), 1, 2);
    }

    [Fact]
    public async Task WhileAnotherInstanceHoldsTheLock_AReadWaits_ThenFetchesWhenTheHolderFailsWithoutAValue()
    {
        var options = CacheOptions(batching: false);
        var waiter = await InstanceAsync(options);
        var holder = new RedisSecretFetchLock(await ConnectAsync(), _prefix);

        Task<string> read;
        await using (var held = await holder.TryAcquireAsync(Paths[0], TimeSpan.FromSeconds(30)))
        {
            Assert.NotNull(held);
            read = waiter.GetSecretAsync(Paths[0]).AsTask();
            await Task.Delay(200);
            Assert.False(read.IsCompleted, "the read should wait for the instance holding the lock");
            Assert.Equal(0, _fixture.Emulator.Counters.ValueReads(Paths[0]));
        }

        Assert.Equal("e2e-value-0", await read.WaitAsync(Bound));
        Assert.Equal(1, _fixture.Emulator.Counters.ValueReads(Paths[0]));
    }

    [Fact]
    public async Task WhenTheHolderFails_TheWaitersFetchAtOnce_NotOneAfterAnotherBehindTheLock()
    {
        var options = CacheOptions(batching: false);
        options.FetchLockDuration = TimeSpan.FromSeconds(30);
        var waiters = new[] { await InstanceAsync(options), await InstanceAsync(options), await InstanceAsync(options) };
        var holder = new RedisSecretFetchLock(await ConnectAsync(), _prefix);
        var held = await holder.TryAcquireAsync(Paths[6], options.FetchLockDuration);
        Assert.NotNull(held);
        var reads = waiters.Select(client => ReadAsync(client, Paths[6])).ToArray();
        await Task.Delay(100);

        // Akeyless is failing slowly; the holder gives up without storing a value.
        _fixture.Emulator.Faults.AddLatency("get-secret-value", TimeSpan.FromSeconds(3));
        _fixture.Emulator.Faults.FailNext("get-secret-value", 10, 503);
        await held.DisposeAsync();

        // One after another, a single request would be in flight for 3 s; at once, all three arrive together.
        for (int i = 0; i < 100 && _fixture.Requests("get-secret-value") < waiters.Length; i++)
        {
            await Task.Delay(20);
        }

        Assert.Equal(waiters.Length, _fixture.Requests("get-secret-value"));
        foreach (var read in reads)
        {
            await Assert.ThrowsAsync<AkeylessServiceUnavailableException>(() => read.WaitAsync(Bound));
        }
    }

    [Fact]
    public async Task AWaitingRead_TakesTheValueTheHolderStored_WithoutFetching()
    {
        using var fleetWaits = new MetricCollector<long>(null, Diagnostics.AkeylessTelemetry.Name, "akeyless.cache.fleet_waits");
        var options = CacheOptions(batching: false);
        var waiter = await InstanceAsync(options);
        var writer = await InstanceAsync(options);
        var holder = new RedisSecretFetchLock(await ConnectAsync(), _prefix);

        await using var held = await holder.TryAcquireAsync(Paths[1], TimeSpan.FromSeconds(30));
        var read = waiter.GetSecretAsync(Paths[1]).AsTask();
        await Task.Delay(100);

        // The holder's fetch: a refresh goes to Akeyless whatever the lock, and stores what it read.
        Assert.Equal("e2e-value-1", await writer.GetSecretAsync(Paths[1], new SecretRequestOptions { Refresh = true }));

        Assert.Equal("e2e-value-1", await read.WaitAsync(Bound));
        Assert.Equal(1, _fixture.Emulator.Counters.ValueReads(Paths[1]));
        Assert.NotEmpty(fleetWaits.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task AnAbandonedLock_ExpiresAndTheWaiterFetches()
    {
        var options = CacheOptions(batching: false);
        options.FetchLockDuration = TimeSpan.FromMilliseconds(300);
        var waiter = await InstanceAsync(options);
        var crashed = new RedisSecretFetchLock(await ConnectAsync(), _prefix);
        Assert.NotNull(await crashed.TryAcquireAsync(Paths[2], options.FetchLockDuration)); // never released

        Assert.Equal("e2e-value-2", await waiter.GetSecretAsync(Paths[2]).AsTask().WaitAsync(Bound));
        Assert.Equal(1, _fixture.Emulator.Counters.ValueReads(Paths[2]));
    }

    [Fact]
    public async Task AnUnreachableLockStore_CostsFetches_NeverFailedReads()
    {
        var options = CacheOptions(batching: false);
        var deadRedis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{RedisServer.FreePort()},abortConnect=false,connectTimeout=200,asyncTimeout=200,connectRetry=0");
        _owned.Add(deadRedis);
        using var cacheBackend = await redis.Server.CreateDistributedCacheAsync();
        var client = _fixture.Client(options, new DistributedSecretCache(cacheBackend, options, _fixture.Clock), new RedisSecretFetchLock(deadRedis, _prefix));

        for (int i = 0; i < 5; i++)
        {
            Assert.Equal($"e2e-value-{i}", await client.GetSecretAsync(Paths[i]).AsTask().WaitAsync(Bound));
        }

        Assert.Equal(5, _fixture.Requests("get-secret-value"));
        Assert.Equal("e2e-value-0", await client.GetSecretAsync(Paths[0]));
        Assert.Equal(5, _fixture.Requests("get-secret-value"));
    }

    [Fact]
    public async Task AProcessLocalCache_IgnoresTheLock_InsteadOfWaitingForAValueItCouldNeverSee()
    {
        var holder = new RedisSecretFetchLock(await ConnectAsync(), _prefix);
        await using var held = await holder.TryAcquireAsync(Paths[3], TimeSpan.FromMinutes(1));
        var options = CacheOptions(batching: false);
        options.FetchLockDuration = TimeSpan.FromMinutes(1);
        var client = _fixture.Client(options, new MemorySecretCache(_fixture.Clock), holder);

        Assert.Equal("e2e-value-3", await client.GetSecretAsync(Paths[3]).AsTask().WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task ATypeThatIsNotCached_IgnoresTheLock_SinceNoValueWouldEverBeStoredForTheWaiters()
    {
        var holder = new RedisSecretFetchLock(await ConnectAsync(), _prefix);
        await using var held = await holder.TryAcquireAsync(Paths[4], TimeSpan.FromMinutes(1));
        var options = CacheOptions(batching: false);
        options.StaticSecretTtl = TimeSpan.Zero;
        options.FetchLockDuration = TimeSpan.FromMinutes(1);
        var client = await InstanceAsync(options);

        Assert.Equal("e2e-value-4", await client.GetSecretAsync(Paths[4]).AsTask().WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal("e2e-value-5", (await client.GetSecretsAsync([Paths[5]]).WaitAsync(TimeSpan.FromSeconds(20)))[Paths[5]]);
    }

    private static Task<string> ReadAsync(AkeylessClient client, string path) => client.GetSecretAsync(path).AsTask();

    private AkeylessCacheOptions CacheOptions(bool batching)
    {
        var options = DistributedSecretCacheTests.Options();
        options.KeyPrefix = _prefix;
        options.BatchingEnabled = batching;
        options.FetchLockPollInterval = TimeSpan.FromMilliseconds(10);

        // Each instance's first Redis command also connects; a loaded machine must not open the breakers over it.
        options.DistributedCacheTimeout = TimeSpan.FromSeconds(30);
        return options;
    }

    /// <summary>One app instance: its own Redis connections for the cache and the lock, its own client.</summary>
    private async Task<AkeylessClient> InstanceAsync(AkeylessCacheOptions options, bool withLock = true) =>
        withLock ? (await LockedInstanceAsync(options)).Client : await InstanceAsync(options, fetchLock: null);

    /// <summary>One app instance with its fetch lock's release channel, to count what listens on it.</summary>
    private async Task<(AkeylessClient Client, LockReleaseChannel Releases)> LockedInstanceAsync(AkeylessCacheOptions options)
    {
        var connection = await ConnectAsync();
        var fetchLock = new RedisSecretFetchLock(connection, options.KeyPrefix);
        return (await InstanceAsync(options, fetchLock), LockReleaseChannel.For(connection, fetchLock.ReleaseChannel));
    }

    private async Task<AkeylessClient> InstanceAsync(AkeylessCacheOptions options, ISecretFetchLock? fetchLock)
    {
        var cache = await redis.Server.CreateDistributedCacheAsync();
        _owned.Add(new Disposer(cache.Dispose));
        return _fixture.Client(options, new DistributedSecretCache(cache, options, _fixture.Clock), fetchLock);
    }

    private async Task<ConnectionMultiplexer> ConnectAsync()
    {
        var connection = await ConnectionMultiplexer.ConnectAsync(redis.Server.Configuration());
        _owned.Add(connection);
        return connection;
    }

    private sealed class Disposer(Action dispose) : IAsyncDisposable
    {
        ValueTask IAsyncDisposable.DisposeAsync()
        {
            dispose();
            return ValueTask.CompletedTask;
        }
    }
}
