using AkeylessSharp.Caching.StackExchangeRedis;
using AkeylessSharp.Caching.StackExchangeRedis.Internal;
using AkeylessSharp.Caching.Tests.Infrastructure;
using StackExchange.Redis;

namespace AkeylessSharp.Caching.Tests.Caching;

/// <summary>
/// The release notifications of the Redis fetch lock on a real redis-server: a holder's release wakes the watchers of its
/// key on other connections, through one subscription per connection, and watches leave nothing registered behind.
/// </summary>
[Collection("redis")]
public sealed class RedisFetchLockReleaseTests(RedisFixture redis) : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private readonly string _prefix = $"release-tests-{Guid.NewGuid():N}:";
    private ConnectionMultiplexer _holderConnection = null!;
    private ConnectionMultiplexer _waiterConnection = null!;

    public async Task InitializeAsync()
    {
        _holderConnection = await ConnectionMultiplexer.ConnectAsync(redis.Server.Configuration());
        _waiterConnection = await ConnectionMultiplexer.ConnectAsync(redis.Server.Configuration());
    }

    public async Task DisposeAsync()
    {
        await _holderConnection.DisposeAsync();
        await _waiterConnection.DisposeAsync();
    }

    [Fact]
    public async Task TheHoldersRelease_WakesTheWatchersOfItsKey_OnAnotherConnection_AndNoOtherKey()
    {
        var holder = new RedisSecretFetchLock(_holderConnection, _prefix);
        var waiter = new RedisSecretFetchLock(_waiterConnection, _prefix);
        var held = await holder.TryAcquireAsync("/db/password", TimeSpan.FromSeconds(30));
        Assert.NotNull(held);

        using var watch = await waiter.WatchReleaseAsync("/db/password");
        using var other = await waiter.WatchReleaseAsync("/db/other");
        Assert.NotNull(watch);
        Assert.NotNull(other);
        Assert.False(watch.Released.IsCompleted, "nothing was released yet");

        await held.DisposeAsync();

        await watch.Released.WaitAsync(Bound);
        Assert.False(other.Released.IsCompleted, "a release wakes the watchers of its own key only");
    }

    [Fact]
    public async Task AnExpiredHolder_DoesNotAnnounceARelease_ItDidNotMake()
    {
        var fetchLock = new RedisSecretFetchLock(_holderConnection, _prefix);
        var waiter = new RedisSecretFetchLock(_waiterConnection, _prefix);
        var expired = await fetchLock.TryAcquireAsync("/db/password", TimeSpan.FromMilliseconds(50));
        Assert.NotNull(expired);
        var database = _holderConnection.GetDatabase();
        for (int i = 0; i < 100 && await database.KeyExistsAsync(_prefix + "lock:/db/password"); i++)
        {
            await Task.Delay(20);
        }

        await using var current = await fetchLock.TryAcquireAsync("/db/password", TimeSpan.FromSeconds(30));
        Assert.NotNull(current);
        using var watch = await waiter.WatchReleaseAsync("/db/password");
        Assert.NotNull(watch);
        await expired.DisposeAsync();

        // A release announced after the expired holder's would-be one, from the same connection, arrives after it.
        var sentinel = await fetchLock.TryAcquireAsync("/db/sentinel", TimeSpan.FromSeconds(30));
        Assert.NotNull(sentinel);
        using var sentinelWatch = await waiter.WatchReleaseAsync("/db/sentinel");
        await sentinel.DisposeAsync();
        await sentinelWatch!.Released.WaitAsync(Bound);

        Assert.False(watch.Released.IsCompleted, "the expired holder released nothing, so it must announce nothing");
        Assert.True(await database.KeyExistsAsync(_prefix + "lock:/db/password"));
    }

    [Fact]
    public async Task ManyWatches_OnManyLocks_ShareOneSubscriptionPerConnection_AndLeaveNoRegistration()
    {
        var holder = new RedisSecretFetchLock(_holderConnection, _prefix);
        var waiters = new[] { new RedisSecretFetchLock(_waiterConnection, _prefix), new RedisSecretFetchLock(_waiterConnection, _prefix) };
        var channel = LockReleaseChannel.For(_waiterConnection, waiters[0].ReleaseChannel);

        for (int round = 0; round < 50; round++)
        {
            string key = $"/db/{round}";
            var held = await holder.TryAcquireAsync(key, TimeSpan.FromSeconds(30));
            Assert.NotNull(held);
            var woken = await Task.WhenAll(waiters.Select(w => w.WatchReleaseAsync(key).AsTask()));
            using var abandoned = await waiters[0].WatchReleaseAsync(key + "/never-released");
            await held.DisposeAsync();
            await Task.WhenAll(woken.Select(w => w!.Released)).WaitAsync(Bound);
            foreach (var watch in woken)
            {
                watch!.Dispose();
            }
        }

        Assert.Equal(0, channel.WatchCount);
        Assert.Equal(1, channel.Subscriptions);

        // One subscribed connection each for the holder (its lock listens from the start) and the two waiters.
        var subscribers = await _holderConnection.GetDatabase().ExecuteAsync("PUBSUB", "NUMSUB", waiters[0].ReleaseChannel);
        Assert.Equal(2, (long)((RedisResult[])subscribers!)[1]);
    }

    [Fact]
    public async Task AWatchCancelledWhileSubscribing_LeavesNoRegistration()
    {
        // Nothing listens on this port: the subscription never completes, so the watch is still subscribing when cancelled.
        using var unreachable = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{RedisServer.FreePort()},abortConnect=false,connectRetry=0");
        var waiter = new RedisSecretFetchLock(() => Task.FromResult<IConnectionMultiplexer>(unreachable), _prefix);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await waiter.WatchReleaseAsync("/db/password", cancellation.Token));

        Assert.Equal(0, LockReleaseChannel.For(unreachable, waiter.ReleaseChannel).WatchCount);
    }
}
