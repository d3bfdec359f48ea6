using AkeylessSharp.Caching;
using AkeylessSharp.Caching.StackExchangeRedis.Internal;
using StackExchange.Redis;

namespace AkeylessSharp.Caching.StackExchangeRedis;

/// <summary>
/// The fleet-wide fetch lock over Redis: <c>SET key token NX PX duration</c> through StackExchange.Redis's lock commands,
/// released only by the token that took it. With it, simultaneous cold misses of one secret on many instances that share
/// a Redis secret cache cost one Akeyless request. <c>AddRedisCache</c> wires it in; set
/// <see cref="AkeylessClientOptions.SecretFetchLock"/> to use it without dependency injection.
/// </summary>
/// <remarks>
/// <para>Lock keys are <c>{keyPrefix}lock:{cache key}</c>: paths, never values.</para>
/// <para>
/// A holder that releases its lock publishes the cache key on the channel <c>{keyPrefix}lock:released</c>; the instances
/// waiting on that key look for the value at once instead of on a timer. Each connection subscribes to the channel once
/// and hands the messages to its waiters in process. A lost message (a reconnect) costs a waiter one
/// <see cref="AkeylessCacheOptions.FetchLockFallbackPollInterval"/>; a Redis user without the right to that channel makes
/// waiters poll every <see cref="AkeylessCacheOptions.FetchLockPollInterval"/>.
/// </para>
/// </remarks>
public sealed class RedisSecretFetchLock : ISecretFetchLock
{
    private readonly Func<Task<IConnectionMultiplexer>> _connection;
    private readonly string _keyPrefix;
    private readonly string _releaseChannel;

    /// <summary>Creates a lock over a connection you own, and starts listening for releases on it.</summary>
    /// <param name="connection">The Redis connection; not disposed by this lock.</param>
    /// <param name="keyPrefix">Prepended to every lock key; use the cache's <see cref="AkeylessCacheOptions.KeyPrefix"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="keyPrefix"/> is empty or only white space.</exception>
    public RedisSecretFetchLock(IConnectionMultiplexer connection, string keyPrefix)
        : this(FromInstance(connection), keyPrefix)
    {
        // Subscribed before the first miss, the first waiters need not look twice for fear of a release they could not hear.
        LockReleaseChannel.For(connection, _releaseChannel).Listen();
    }

    /// <summary>Creates a lock over a connection made on first use, such as <c>RedisCacheOptions.ConnectionMultiplexerFactory</c>.</summary>
    /// <param name="connectionFactory">Returns the Redis connection; called on every attempt, so it should cache its result.</param>
    /// <param name="keyPrefix">Prepended to every lock key; use the cache's <see cref="AkeylessCacheOptions.KeyPrefix"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="keyPrefix"/> is empty or only white space.</exception>
    public RedisSecretFetchLock(Func<Task<IConnectionMultiplexer>> connectionFactory, string keyPrefix)
    {
        ArgumentNullException.ThrowIfNull(connectionFactory);
        ArgumentException.ThrowIfNullOrWhiteSpace(keyPrefix);
        _connection = connectionFactory;
        _keyPrefix = keyPrefix + "lock:";
        _releaseChannel = _keyPrefix + "released";
    }

    /// <summary>Gets the pub/sub channel of the releases; for tests.</summary>
    internal string ReleaseChannel => _releaseChannel;

    /// <inheritdoc />
    public async ValueTask<IAsyncDisposable?> TryAcquireAsync(string key, TimeSpan duration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var connection = await _connection().WaitObservedAsync(cancellationToken).ConfigureAwait(false);
        var database = connection.GetDatabase();
        RedisKey lockKey = _keyPrefix + key;
        RedisValue token = Guid.NewGuid().ToString("N");
        bool taken = await database.LockTakeAsync(lockKey, token, duration).WaitObservedAsync(cancellationToken).ConfigureAwait(false);
        return taken ? new HeldLock(database, lockKey, token, LockReleaseChannel.For(connection, _releaseChannel), key) : null;
    }

    /// <inheritdoc />
    public async ValueTask<ISecretFetchLockWatch?> WatchReleaseAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var connection = await _connection().WaitObservedAsync(cancellationToken).ConfigureAwait(false);
        return await LockReleaseChannel.For(connection, _releaseChannel).WatchAsync(key, cancellationToken).ConfigureAwait(false);
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

    private sealed class HeldLock(IDatabase database, RedisKey lockKey, RedisValue token, LockReleaseChannel releases, string key) : IAsyncDisposable
    {
        // Deletes the lock only if it is still this holder's: one round trip, where LockReleaseAsync's transaction takes two.
        private const string ReleaseScript = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";

        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

            // Only a release that happened is announced: waiters woken without a value take it as the holder's failure and
            // fetch, which must not happen while a next holder (after this one's lock expired) is still fetching.
            if ((long)await database.ScriptEvaluateAsync(ReleaseScript, [lockKey], [token]).ConfigureAwait(false) == 1)
            {
                _ = releases.PublishAsync(key);
            }
        }
    }
}
