using AkeylessSharp.Caching;
using StackExchange.Redis;

namespace AkeylessSharp.Caching.StackExchangeRedis;

/// <summary>
/// The fleet-wide fetch lock over Redis: <c>SET key token NX PX duration</c> through StackExchange.Redis's lock commands,
/// released only by the token that took it. With it, simultaneous cold misses of one secret on many instances that share
/// a Redis secret cache cost one Akeyless request. <c>AddRedisCache</c> wires it in; set
/// <see cref="AkeylessClientOptions.SecretFetchLock"/> to use it without dependency injection.
/// </summary>
/// <remarks>Lock keys are <c>{keyPrefix}lock:{cache key}</c>: paths, never values.</remarks>
public sealed class RedisSecretFetchLock : ISecretFetchLock
{
    private readonly Func<Task<IConnectionMultiplexer>> _connection;
    private readonly string _keyPrefix;

    /// <summary>Creates a lock over a connection you own.</summary>
    /// <param name="connection">The Redis connection; not disposed by this lock.</param>
    /// <param name="keyPrefix">Prepended to every lock key; use the cache's <see cref="AkeylessCacheOptions.KeyPrefix"/>.</param>
    public RedisSecretFetchLock(IConnectionMultiplexer connection, string keyPrefix)
        : this(FromInstance(connection), keyPrefix)
    {
    }

    /// <summary>Creates a lock over a connection made on first use, such as <c>RedisCacheOptions.ConnectionMultiplexerFactory</c>.</summary>
    /// <param name="connectionFactory">Returns the Redis connection; called on every attempt, so it should cache its result.</param>
    /// <param name="keyPrefix">Prepended to every lock key; use the cache's <see cref="AkeylessCacheOptions.KeyPrefix"/>.</param>
    public RedisSecretFetchLock(Func<Task<IConnectionMultiplexer>> connectionFactory, string keyPrefix)
    {
        ArgumentNullException.ThrowIfNull(connectionFactory);
        ArgumentException.ThrowIfNullOrEmpty(keyPrefix);
        _connection = connectionFactory;
        _keyPrefix = keyPrefix + "lock:";
    }

    /// <inheritdoc />
    public async ValueTask<IAsyncDisposable?> TryAcquireAsync(string key, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var connection = await _connection().WaitAsync(cancellationToken).ConfigureAwait(false);
        var database = connection.GetDatabase();
        RedisKey lockKey = _keyPrefix + key;
        RedisValue token = Guid.NewGuid().ToString("N");
        bool taken = await database.LockTakeAsync(lockKey, token, duration).WaitAsync(cancellationToken).ConfigureAwait(false);
        return taken ? new HeldLock(database, lockKey, token) : null;
    }

    /// <summary>Describes the lock without any key.</summary>
    /// <returns>The key prefix.</returns>
    public override string ToString() => $"RedisSecretFetchLock (prefix {_keyPrefix})";

    private static Func<Task<IConnectionMultiplexer>> FromInstance(IConnectionMultiplexer connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var ready = Task.FromResult(connection);
        return () => ready;
    }

    private sealed class HeldLock(IDatabase database, RedisKey key, RedisValue token) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                await database.LockReleaseAsync(key, token).ConfigureAwait(false);
            }
        }
    }
}
