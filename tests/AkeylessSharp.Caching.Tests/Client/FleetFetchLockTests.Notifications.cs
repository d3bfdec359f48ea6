using AkeylessSharp.Caching.StackExchangeRedis;
using AkeylessSharp.Caching.StackExchangeRedis.Internal;
using StackExchange.Redis;

namespace AkeylessSharp.Caching.Tests.Client;

/// <summary>
/// Waiting on another instance's fetch through the release notifications: with the fallback poll far longer than the
/// bounds below, a read that completes in time was woken by the holder's release, not by the timer.
/// </summary>
public sealed partial class FleetFetchLockTests
{
    private static readonly TimeSpan WellBeforeTheFallback = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AWaitingRead_IsWokenByTheHoldersRelease_LongBeforeTheFallbackPoll()
    {
        var options = NotifiedOptions();
        var (waiter, releases) = await LockedInstanceAsync(options);
        var writer = await InstanceAsync(options);
        var holder = new RedisSecretFetchLock(await ConnectAsync(), _prefix);

        var held = await holder.TryAcquireAsync(Paths[10], options.FetchLockDuration);
        Assert.NotNull(held);
        var read = waiter.GetSecretAsync(Paths[10]).AsTask();
        await UntilListeningAsync(releases);
        Assert.Equal("e2e-value-10", await writer.GetSecretAsync(Paths[10], new SecretRequestOptions { Refresh = true }));
        await held.DisposeAsync();

        Assert.Equal("e2e-value-10", await read.WaitAsync(WellBeforeTheFallback));
        Assert.Equal(1, _fixture.Emulator.Counters.ValueReads(Paths[10]));
    }

    [Fact]
    public async Task AHolderReleasingWithoutAValue_WakesTheWaiters_WhichFetchThemselves()
    {
        var options = NotifiedOptions();
        var waiters = new[] { await InstanceAsync(options), await InstanceAsync(options) };
        var holder = new RedisSecretFetchLock(await ConnectAsync(), _prefix);
        var held = await holder.TryAcquireAsync(Paths[11], options.FetchLockDuration);
        Assert.NotNull(held);
        var reads = waiters.Select(client => ReadAsync(client, Paths[11])).ToArray();
        await Task.Delay(100);
        Assert.Equal(0, _fixture.Emulator.Counters.ValueReads(Paths[11]));

        await held.DisposeAsync();

        Assert.All(await Task.WhenAll(reads).WaitAsync(WellBeforeTheFallback), value => Assert.Equal("e2e-value-11", value));
        Assert.InRange(_fixture.Emulator.Counters.ValueReads(Paths[11]), 1, waiters.Length);
    }

    [Fact]
    public async Task AHolderFailing_WakesTheWaiters_WhichGetTheTypedError()
    {
        var options = NotifiedOptions();
        var waiter = await InstanceAsync(options);
        var holder = new RedisSecretFetchLock(await ConnectAsync(), _prefix);
        var held = await holder.TryAcquireAsync(Paths[12], options.FetchLockDuration);
        Assert.NotNull(held);
        var read = ReadAsync(waiter, Paths[12]);
        await Task.Delay(100);

        _fixture.Emulator.Faults.FailNext("get-secret-value", 10, 503);
        await held.DisposeAsync();

        await Assert.ThrowsAsync<AkeylessServiceUnavailableException>(() => read.WaitAsync(WellBeforeTheFallback));
    }

    [Fact]
    public async Task ALostNotification_IsMadeUpByTheFallbackPoll_BeforeTheLockExpires()
    {
        var options = NotifiedOptions();
        options.FetchLockFallbackPollInterval = TimeSpan.FromMilliseconds(200);
        var waiter = await InstanceAsync(options);
        var writer = await InstanceAsync(options);
        var connection = await ConnectAsync();
        var holder = new RedisSecretFetchLock(connection, _prefix);
        Assert.NotNull(await holder.TryAcquireAsync(Paths[13], options.FetchLockDuration));
        var read = ReadAsync(waiter, Paths[13]);

        // The holder stores its value and its lock goes away without any message, as if the message were lost.
        Assert.Equal("e2e-value-13", await writer.GetSecretAsync(Paths[13], new SecretRequestOptions { Refresh = true }));
        Assert.True(await connection.GetDatabase().KeyDeleteAsync(_prefix + "lock:" + Paths[13]));

        Assert.Equal("e2e-value-13", await read.WaitAsync(WellBeforeTheFallback));
        Assert.Equal(1, _fixture.Emulator.Counters.ValueReads(Paths[13]));
    }

    [Fact]
    public async Task AWaitingRead_IsCancellable_AndStopsListening()
    {
        var options = NotifiedOptions();
        var (waiter, releases) = await LockedInstanceAsync(options);
        var holder = new RedisSecretFetchLock(await ConnectAsync(), _prefix);
        await using var held = await holder.TryAcquireAsync(Paths[14], options.FetchLockDuration);
        Assert.NotNull(held);
        using var cancellation = new CancellationTokenSource();
        var read = waiter.GetSecretAsync(Paths[14], options: null, cancellation.Token).AsTask();
        await UntilListeningAsync(releases);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(WellBeforeTheFallback));
        for (int i = 0; i < 250 && releases.WatchCount > 0; i++)
        {
            await Task.Delay(20);
        }

        Assert.Equal(0, releases.WatchCount);
        Assert.Equal(0, _fixture.Emulator.Counters.ValueReads(Paths[14]));
    }

    [Fact]
    public async Task AFleetColdStart_IsWokenByReleases_AndLeavesOneSubscriptionPerInstance_AndNoWatches()
    {
        _fixture.Emulator.Faults.AddLatency("get-secret-value", SlowFetch);
        var options = NotifiedOptions();
        var fleet = new[] { await LockedInstanceAsync(options), await LockedInstanceAsync(options), await LockedInstanceAsync(options) };

        var singly = Paths[..50];
        var inBulk = Paths[50..];

        await Task.WhenAll(singly.SelectMany(path => fleet.Select(instance => ReadAsync(instance.Client, path)))).WaitAsync(WellBeforeTheFallback);
        var bulk = await Task.WhenAll(fleet.Select(instance => instance.Client.GetSecretsAsync(inBulk))).WaitAsync(WellBeforeTheFallback);

        Assert.All(Paths, path => Assert.Equal(1, _fixture.Emulator.Counters.ValueReads(path)));
        Assert.All(bulk, values => Assert.Equal(inBulk.Length, values.Count));
        Assert.All(fleet, instance => Assert.Equal(0, instance.Releases.WatchCount));
        Assert.All(fleet, instance => Assert.InRange(instance.Releases.Subscriptions, 0, 1));
        var subscribers = await (await ConnectAsync()).GetDatabase().ExecuteAsync("PUBSUB", "NUMSUB", _prefix + "lock:released");
        Assert.InRange((long)((RedisResult[])subscribers!)[1], 1, fleet.Length);
    }

    [Fact]
    public async Task ALockThatCannotNotify_IsPolledEveryPollInterval_AsBefore()
    {
        var options = NotifiedOptions();
        options.FetchLockPollInterval = TimeSpan.FromMilliseconds(10);
        var pollOnly = new PollOnlyLock(new RedisSecretFetchLock(await ConnectAsync(), _prefix));
        var waiter = await InstanceAsync(options, pollOnly);
        var holder = new RedisSecretFetchLock(await ConnectAsync(), _prefix);
        Assert.Null(await ((ISecretFetchLock)pollOnly).WatchReleaseAsync(Paths[15]));

        var held = await holder.TryAcquireAsync(Paths[15], options.FetchLockDuration);
        Assert.NotNull(held);
        var read = ReadAsync(waiter, Paths[15]);
        await Task.Delay(100);
        Assert.False(read.IsCompleted, "the read should wait for the instance holding the lock");
        await held.DisposeAsync();

        Assert.Equal("e2e-value-15", await read.WaitAsync(WellBeforeTheFallback));
    }

    /// <summary>Returns once a read of the instance waits on another's release (a bounded loop: it never sleeps for a fixed time).</summary>
    private static async Task UntilListeningAsync(LockReleaseChannel releases)
    {
        for (int i = 0; i < 500 && releases.WatchCount == 0; i++)
        {
            await Task.Delay(20);
        }

        Assert.Equal(1, releases.WatchCount);
    }

    /// <summary>Waiters that would look only every minute unless told, on locks that would live a minute unless released.</summary>
    private AkeylessCacheOptions NotifiedOptions()
    {
        var options = CacheOptions(batching: false);
        options.FetchLockPollInterval = TimeSpan.FromSeconds(10);
        options.FetchLockFallbackPollInterval = TimeSpan.FromMinutes(1);
        options.FetchLockDuration = TimeSpan.FromMinutes(1);
        return options;
    }

    /// <summary>A lock written before release notifications existed: it only implements the attempt.</summary>
    private sealed class PollOnlyLock(RedisSecretFetchLock inner) : ISecretFetchLock
    {
        public ValueTask<IAsyncDisposable?> TryAcquireAsync(string key, TimeSpan duration, CancellationToken cancellationToken = default) =>
            inner.TryAcquireAsync(key, duration, cancellationToken);
    }
}
