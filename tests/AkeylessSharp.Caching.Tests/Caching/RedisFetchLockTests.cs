using AkeylessSharp.Caching.StackExchangeRedis;
using AkeylessSharp.Caching.Tests.Infrastructure;
using StackExchange.Redis;

namespace AkeylessSharp.Caching.Tests.Caching;

/// <summary>The fetch lock's contract on a real redis-server: one holder at a time, released only by its holder, expiring on its own.</summary>
[Collection("redis")]
public sealed class RedisFetchLockTests(RedisFixture redis) : IAsyncLifetime
{
    private readonly string _prefix = $"lock-tests-{Guid.NewGuid():N}:";
    private ConnectionMultiplexer _connection = null!;

    public async Task InitializeAsync() => _connection = await ConnectionMultiplexer.ConnectAsync(redis.Server.Configuration());

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    [Fact]
    public async Task OneHolderAtATime_AndReleaseLetsTheNextOneIn()
    {
        var first = new RedisSecretFetchLock(_connection, _prefix);
        var second = new RedisSecretFetchLock(_connection, _prefix);

        var held = await first.TryAcquireAsync("/db/password", TimeSpan.FromSeconds(30));
        Assert.NotNull(held);
        Assert.Null(await second.TryAcquireAsync("/db/password", TimeSpan.FromSeconds(30)));
        Assert.NotNull(await second.TryAcquireAsync("/db/other", TimeSpan.FromSeconds(30)));

        await held.DisposeAsync();
        await held.DisposeAsync(); // a second release is harmless
        await using var next = await second.TryAcquireAsync("/db/password", TimeSpan.FromSeconds(30));
        Assert.NotNull(next);
    }

    [Fact]
    public async Task TheLockKeyIsThePathUnderThePrefix_WithTheDurationAsItsExpiry()
    {
        var fetchLock = new RedisSecretFetchLock(_connection, _prefix);
        await using var held = await fetchLock.TryAcquireAsync("/db/password", TimeSpan.FromSeconds(30));

        var database = _connection.GetDatabase();
        Assert.True(await database.KeyExistsAsync(_prefix + "lock:/db/password"));
        var ttl = await database.KeyTimeToLiveAsync(_prefix + "lock:/db/password");
        Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task AnExpiredHolder_CannotReleaseTheLockOfTheNextHolder()
    {
        var fetchLock = new RedisSecretFetchLock(_connection, _prefix);
        var expired = await fetchLock.TryAcquireAsync("/db/password", TimeSpan.FromMilliseconds(50));
        Assert.NotNull(expired);
        var database = _connection.GetDatabase();
        for (int i = 0; i < 100 && await database.KeyExistsAsync(_prefix + "lock:/db/password"); i++)
        {
            await Task.Delay(20);
        }

        await using var current = await fetchLock.TryAcquireAsync("/db/password", TimeSpan.FromSeconds(30));
        Assert.NotNull(current);
        await expired.DisposeAsync();

        Assert.Null(await fetchLock.TryAcquireAsync("/db/password", TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task BadArguments_AreRejectedByName()
    {
        var fetchLock = new RedisSecretFetchLock(_connection, _prefix);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>("duration", async () => await fetchLock.TryAcquireAsync("/a", TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentNullException>("key", async () => await fetchLock.TryAcquireAsync(null!, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentNullException>("connection", () => new RedisSecretFetchLock((IConnectionMultiplexer)null!, _prefix));
        Assert.Equal($"RedisSecretFetchLock (prefix {_prefix}lock:)", fetchLock.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t")]
    public void BlankKeyPrefix_IsRejectedByName_WithEitherConstructor(string keyPrefix)
    {
        Assert.Throws<ArgumentException>("keyPrefix", () => new RedisSecretFetchLock(_connection, keyPrefix));
        Assert.Throws<ArgumentException>("keyPrefix", () => new RedisSecretFetchLock(() => Task.FromResult<IConnectionMultiplexer>(_connection), keyPrefix));
    }
}
