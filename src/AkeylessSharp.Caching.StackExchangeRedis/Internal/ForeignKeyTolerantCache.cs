using Microsoft.Extensions.Caching.Distributed;
using StackExchange.Redis;

namespace AkeylessSharp.Caching.StackExchangeRedis.Internal;

/// <summary>
/// The Redis cache as the secret cache needs it when someone else wrote a key under its prefix as another Redis type
/// (a string, a list): Redis answers such a key with <c>WRONGTYPE</c>, which is that key's problem, not an outage, so
/// it reads as a miss and a write replaces it. Without this one foreign key would open the breaker for every key.
/// </summary>
internal sealed class ForeignKeyTolerantCache(IDistributedCache inner) : IDistributedCache
{
    public byte[]? Get(string key)
    {
        try
        {
            return inner.Get(key);
        }
        catch (RedisServerException ex) when (IsWrongType(ex))
        {
            return null;
        }
    }

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        try
        {
            return await inner.GetAsync(key, token).ConfigureAwait(false);
        }
        catch (RedisServerException ex) when (IsWrongType(ex))
        {
            return null;
        }
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
    {
        try
        {
            inner.Set(key, value, options);
        }
        catch (RedisServerException ex) when (IsWrongType(ex))
        {
            inner.Remove(key);
            inner.Set(key, value, options);
        }
    }

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        try
        {
            await inner.SetAsync(key, value, options, token).ConfigureAwait(false);
        }
        catch (RedisServerException ex) when (IsWrongType(ex))
        {
            await inner.RemoveAsync(key, token).ConfigureAwait(false);
            await inner.SetAsync(key, value, options, token).ConfigureAwait(false);
        }
    }

    public void Refresh(string key)
    {
        try
        {
            inner.Refresh(key);
        }
        catch (RedisServerException ex) when (IsWrongType(ex))
        {
            // Nothing of ours to keep alive.
        }
    }

    public async Task RefreshAsync(string key, CancellationToken token = default)
    {
        try
        {
            await inner.RefreshAsync(key, token).ConfigureAwait(false);
        }
        catch (RedisServerException ex) when (IsWrongType(ex))
        {
            // Nothing of ours to keep alive.
        }
    }

    public void Remove(string key) => inner.Remove(key);

    public Task RemoveAsync(string key, CancellationToken token = default) => inner.RemoveAsync(key, token);

    private static bool IsWrongType(RedisServerException exception) =>
        exception.Message.StartsWith("WRONGTYPE", StringComparison.Ordinal);
}
