using AkeylessSharp;
using AkeylessSharp.Caching;
using AkeylessSharp.Caching.StackExchangeRedis;
using AkeylessSharp.Caching.StackExchangeRedis.Internal;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Caches the secrets of a client registered with <c>AddAkeyless</c> in Redis, encrypted, shared by a fleet.</summary>
public static class AkeylessRedisCacheBuilderExtensions
{
    /// <summary>
    /// Caches secret values, encrypted, in a Redis of the client's own (not the application's <see cref="IDistributedCache"/>),
    /// so a fleet makes one Akeyless request per secret per time to live: instances missing the same secret at once agree
    /// through a <see cref="RedisSecretFetchLock"/> on one of them fetching it. A Redis outage degrades to memory.
    /// </summary>
    /// <param name="builder">The client registration.</param>
    /// <param name="configureRedis">
    /// Sets the Redis connection, such as <c>o => o.Configuration = "redis:6379"</c>. A connection made from these settings
    /// closes with the container; one the application hands over through <c>ConnectionMultiplexerFactory</c> stays the application's.
    /// </param>
    /// <param name="configure">Adjusts the cache options (an encryption key is required unless Data Protection is used); <see langword="null"/> keeps those bound from the <c>Cache</c> section.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="AkeylessConfigurationException">When the client is resolved: the Redis configuration string is not valid or names no server.</exception>
    public static IAkeylessBuilder AddRedisCache(this IAkeylessBuilder builder, Action<RedisCacheOptions> configureRedis, Action<AkeylessCacheOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configureRedis);
        string key = "AkeylessSharp.SecretCache.Redis." + builder.Name;

        // Keyed so the container owns (and disposes) the connection, and so the application's own IDistributedCache is untouched.
        // A later AddRedisCache on the same client replaces this one's connection, as its cache replaces this one's.
        builder.Services.AddKeyedSingleton(key, (_, _) =>
        {
            var redis = new RedisCacheOptions();
            configureRedis(redis);
            return new RedisSecretStore(redis);
        });
        builder.AddSecretCache((sp, options) => sp.GetRequiredKeyedService<RedisSecretStore>(key).CreateSecretCache(sp, options), configure);

        // The fetch lock goes with the Redis cache only: after a later cache call of another kind, that one's store is used alone.
        builder.Services.AddOptions<AkeylessClientOptions>(builder.Name).PostConfigure(options =>
        {
            if (options.SecretCache is null || RedisSecretStore.Of(options.SecretCache) is not { } store)
            {
                return;
            }

            // A blank prefix is left for the cache options' validation to report, as a configuration error naming KeyPrefix.
            var prefix = string.IsNullOrWhiteSpace(options.Cache?.KeyPrefix) ? new AkeylessCacheOptions().KeyPrefix : options.Cache.KeyPrefix;
            options.SecretFetchLock ??= new RedisSecretFetchLock(store.ConnectAsync, store.InstanceName + prefix);
        });
        return builder;
    }

    /// <summary>Caches secret values, encrypted, in a Redis of the client's own, given its StackExchange.Redis connection string.</summary>
    /// <param name="builder">The client registration.</param>
    /// <param name="connectionString">The Redis configuration string, such as <c>redis:6379,abortConnect=false</c>.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="AkeylessConfigurationException"><paramref name="connectionString"/> is not a valid StackExchange.Redis configuration string or names no server.</exception>
    public static IAkeylessBuilder AddRedisCache(this IAkeylessBuilder builder, string connectionString) => builder.AddRedisCache(connectionString, configure: null);

    /// <summary>Caches secret values, encrypted, in a Redis of the client's own, given its connection string and cache options.</summary>
    /// <param name="builder">The client registration.</param>
    /// <param name="connectionString">The Redis configuration string, such as <c>redis:6379,abortConnect=false</c>.</param>
    /// <param name="configure">Adjusts the cache options; <see langword="null"/> keeps those bound from the <c>Cache</c> section.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="AkeylessConfigurationException"><paramref name="connectionString"/> is not a valid StackExchange.Redis configuration string or names no server.</exception>
    public static IAkeylessBuilder AddRedisCache(this IAkeylessBuilder builder, string connectionString, Action<AkeylessCacheOptions>? configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        RedisConfiguration.Parse(connectionString);
        return builder.AddRedisCache(redis => redis.Configuration = connectionString, configure);
    }
}
