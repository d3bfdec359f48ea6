using System.Runtime.CompilerServices;
using AkeylessSharp.Caching.StackExchangeRedis.Internal;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace AkeylessSharp.Caching.StackExchangeRedis;

/// <summary>
/// The Redis of one client registration: the cache and the fetch lock over one connection, made on first use and
/// reconnected by StackExchange.Redis. Disposing closes the connection unless the application supplied its own.
/// </summary>
internal sealed class RedisSecretStore : IDisposable
{
    private static readonly ConditionalWeakTable<ISecretCache, RedisSecretStore> BuiltCaches = new();

    private readonly Lock _gate = new();
    private readonly RedisCacheOptions _options;
    private readonly Func<Task<IConnectionMultiplexer>>? _applicationConnection;
    private readonly RedisCache _redisCache;
    private Task<IConnectionMultiplexer>? _connection;
    private bool _disposed;

    public RedisSecretStore(RedisCacheOptions options)
    {
        _options = options;
        _applicationConnection = options.ConnectionMultiplexerFactory;
        if (_applicationConnection is null && options.ConfigurationOptions is null)
        {
            // Checked here, not on first connection: a bad string would otherwise only show as a degraded cache.
            options.ConfigurationOptions = RedisConfiguration.Parse(options.Configuration ?? "");
        }

        options.ConnectionMultiplexerFactory = ConnectAsync;
        _redisCache = new RedisCache(Microsoft.Extensions.Options.Options.Create(options));
        Cache = new ForeignKeyTolerantCache(_redisCache);
    }

    /// <summary>The cache the secret cache writes to: Redis, reading a key someone else wrote as another type as a miss.</summary>
    public IDistributedCache Cache { get; }

    /// <summary>The prefix RedisCache puts before its keys; the lock keys get it too, so instances stay apart.</summary>
    public string InstanceName => _options.InstanceName ?? "";

    /// <summary>The store whose <see cref="CreateSecretCache"/> built <paramref name="cache"/>, if one did.</summary>
    public static RedisSecretStore? Of(ISecretCache cache) => BuiltCaches.TryGetValue(cache, out var store) ? store : null;

    /// <summary>The secret cache over this Redis, with the client's cache options.</summary>
    public DistributedSecretCache CreateSecretCache(IServiceProvider services, AkeylessCacheOptions options)
    {
        var cache = new DistributedSecretCache(Cache, options, services.GetService<TimeProvider>(), services.GetService<ILoggerFactory>(), services.GetService<IDataProtectionProvider>());
        BuiltCaches.AddOrUpdate(cache, this);
        return cache;
    }

    public Task<IConnectionMultiplexer> ConnectAsync()
    {
        lock (_gate)
        {
            // After Dispose a new connection would never be closed; the cache and the lock take this as a Redis failure.
            ObjectDisposedException.ThrowIf(_disposed, this);

            // A failed attempt is not cached: the next call connects again.
            if (_connection is null || _connection.IsFaulted || _connection.IsCanceled)
            {
                _connection = _applicationConnection?.Invoke() ?? ConnectNewAsync();
            }

            return _connection;
        }
    }

    public void Dispose()
    {
        Task<IConnectionMultiplexer>? connection;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            connection = _connection;
        }

        if (_applicationConnection is not null)
        {
            // RedisCache.Dispose closes the connection it was handed, and this one is the application's.
            return;
        }

        _redisCache.Dispose();

        // One still being made is closed once made.
        connection?.ContinueWith(
            static made => made.Result.Dispose(),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private async Task<IConnectionMultiplexer> ConnectNewAsync()
    {
        var configuration = _options.ConfigurationOptions!.Clone();
        return await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);
    }
}
