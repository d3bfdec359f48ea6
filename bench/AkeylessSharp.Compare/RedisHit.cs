using System.ComponentModel;
using AkeylessSharp.Benchmarks.Shared;
using AkeylessSharp.Caching;
using Microsoft.Extensions.Caching.StackExchangeRedis;

namespace AkeylessSharp.Compare;

/// <summary>
/// A client whose cache is Redis (<see cref="DistributedSecretCache"/> over <see cref="RedisCache"/>, on a throwaway
/// <c>redis-server</c> on loopback), filled before measuring, so every read is a Redis hit.
/// </summary>
internal sealed class RedisHit : IDisposable
{
    private readonly RedisProcess _redis;
    private readonly RedisCache _cache;

    private RedisHit(RedisProcess redis, RedisCache cache, AkeylessClient client)
    {
        _redis = redis;
        _cache = cache;
        Client = client;
    }

    public AkeylessClient Client { get; }

    /// <summary>Starts Redis and the client, or returns <see langword="null"/> when <c>redis-server</c> is not installed.</summary>
    public static async Task<RedisHit?> StartAsync(AkeylessCacheOptions cacheOptions, Func<AkeylessCacheOptions, ISecretCache, AkeylessClient> newClient)
    {
        RedisProcess redis;
        try
        {
            redis = await RedisProcess.StartAsync();
        }
        catch (Win32Exception)
        {
            return null;
        }

        var cache = new RedisCache(new RedisCacheOptions { ConfigurationOptions = redis.Configuration });
        return new RedisHit(redis, cache, newClient(cacheOptions, new DistributedSecretCache(cache, cacheOptions)));
    }

    public void Dispose()
    {
        Client.Dispose();
        _cache.Dispose();
        _redis.Dispose();
    }
}
