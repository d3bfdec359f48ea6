using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace AkeylessSharp.Caching.Tests.Infrastructure;

/// <summary>An in-memory <see cref="IDistributedCache"/> that can be switched to fail like a dead Redis, and counts calls.</summary>
public sealed class FlakyDistributedCache : IDistributedCache, IDisposable
{
    private readonly MemoryDistributedCache _inner = new(Options.Create(new MemoryDistributedCacheOptions()));
    private int _calls;

    public bool Failing { get; set; }

    public int Calls => _calls;

    public IDictionary<string, byte[]> Raw { get; } = new Dictionary<string, byte[]>(StringComparer.Ordinal);

    public byte[]? Get(string key) => Guard(() => _inner.Get(key));

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Task.FromResult(Get(key));

    public void Refresh(string key) => Guard(() => { _inner.Refresh(key); return 0; });

    public Task RefreshAsync(string key, CancellationToken token = default)
    {
        Refresh(key);
        return Task.CompletedTask;
    }

    public void Remove(string key) => Guard(() => { _inner.Remove(key); return 0; });

    public Task RemoveAsync(string key, CancellationToken token = default)
    {
        Remove(key);
        return Task.CompletedTask;
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => Guard(() =>
    {
        lock (Raw)
        {
            Raw[key] = value;
        }

        _inner.Set(key, value, options);
        return 0;
    });

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        Set(key, value, options);
        return Task.CompletedTask;
    }

    public void Dispose() => (_inner as IDisposable)?.Dispose();

    private T Guard<T>(Func<T> action)
    {
        Interlocked.Increment(ref _calls);
        return Failing ? throw new InvalidOperationException("It was not possible to connect to the redis server(s).") : action();
    }
}
