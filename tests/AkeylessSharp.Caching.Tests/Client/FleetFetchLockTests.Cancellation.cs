using AkeylessSharp.Caching.StackExchangeRedis;
using Microsoft.Extensions.Caching.Distributed;

namespace AkeylessSharp.Caching.Tests.Client;

/// <summary>A read cancelled while it holds fetch locks must not leave them for the fleet to wait out.</summary>
public sealed partial class FleetFetchLockTests
{
    [Fact]
    public async Task ABulkReadCancelledRightAfterTakingItsLocks_ReleasesThem_SoOtherInstancesNeedNotWaitForTheirExpiry()
    {
        var options = CacheOptions(batching: true);
        options.FetchLockDuration = TimeSpan.FromMinutes(2);
        using var cancel = new CancellationTokenSource();
        var client = await InstanceAsync(options, new CancellingAfterAcquire(new RedisSecretFetchLock(await ConnectAsync(), _prefix), cancel));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetSecretsAsync([Paths[20], Paths[21]], cancellationToken: cancel.Token));

        // Released in the background: looked for until a bound far below the locks' two minutes.
        var other = new RedisSecretFetchLock(await ConnectAsync(), _prefix);
        foreach (string path in new[] { Paths[20], Paths[21] })
        {
            Assert.True(await TakenWithinAsync(other, path, options.FetchLockDuration, TimeSpan.FromSeconds(30)), $"{path}'s lock was left held");
        }
    }

    [Fact]
    public async Task ABulkReadCancelledWhileLookingAgainUnderItsLocks_ReleasesThem()
    {
        var options = CacheOptions(batching: true);
        options.FetchLockDuration = TimeSpan.FromMinutes(2);
        using var cancel = new CancellationTokenSource();
        var redisCache = await redis.Server.CreateDistributedCacheAsync();
        _owned.Add(new Disposer(redisCache.Dispose));

        // The first look at Paths[22] finds nothing; the second is the one made after taking the locks.
        var cache = new DistributedSecretCache(new CancellingOnSecondRead(redisCache, Paths[22], cancel), options, _fixture.Clock);
        var client = _fixture.Client(options, cache, new RedisSecretFetchLock(await ConnectAsync(), _prefix));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetSecretsAsync([Paths[22], Paths[23]], cancellationToken: cancel.Token));

        var other = new RedisSecretFetchLock(await ConnectAsync(), _prefix);
        foreach (string path in new[] { Paths[22], Paths[23] })
        {
            Assert.True(await TakenWithinAsync(other, path, options.FetchLockDuration, TimeSpan.FromSeconds(30)), $"{path}'s lock was left held");
        }
    }

    private static async Task<bool> TakenWithinAsync(ISecretFetchLock fetchLock, string key, TimeSpan duration, TimeSpan bound)
    {
        using var limit = new CancellationTokenSource(bound);
        while (!limit.IsCancellationRequested)
        {
            if (await fetchLock.TryAcquireAsync(key, duration) is { } held)
            {
                await held.DisposeAsync();
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }

        return false;
    }

    /// <summary>A real Redis cache, but the caller gives up during the second read of one entry.</summary>
    private sealed class CancellingOnSecondRead(IDistributedCache inner, string path, CancellationTokenSource caller) : IDistributedCache
    {
        private int _reads;

        public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
        {
            if (key.EndsWith(":" + path, StringComparison.Ordinal) && Interlocked.Increment(ref _reads) == 2)
            {
                await caller.CancelAsync();
            }

            return await inner.GetAsync(key, token);
        }

        public byte[]? Get(string key) => inner.Get(key);

        public void Refresh(string key) => inner.Refresh(key);

        public Task RefreshAsync(string key, CancellationToken token = default) => inner.RefreshAsync(key, token);

        public void Remove(string key) => inner.Remove(key);

        public Task RemoveAsync(string key, CancellationToken token = default) => inner.RemoveAsync(key, token);

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => inner.Set(key, value, options);

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) => inner.SetAsync(key, value, options, token);
    }

    /// <summary>The real lock, but the caller gives up as soon as a lock is taken for it.</summary>
    private sealed class CancellingAfterAcquire(ISecretFetchLock inner, CancellationTokenSource caller) : ISecretFetchLock
    {
        public async ValueTask<IAsyncDisposable?> TryAcquireAsync(string key, TimeSpan duration, CancellationToken cancellationToken = default)
        {
            var held = await inner.TryAcquireAsync(key, duration, CancellationToken.None);
            await caller.CancelAsync();
            return held;
        }

        public ValueTask<ISecretFetchLockWatch?> WatchReleaseAsync(string key, CancellationToken cancellationToken = default) =>
            inner.WatchReleaseAsync(key, cancellationToken);
    }
}
