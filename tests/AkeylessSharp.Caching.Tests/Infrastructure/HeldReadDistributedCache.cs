using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace AkeylessSharp.Caching.Tests.Infrastructure;

/// <summary>
/// An in-memory <see cref="IDistributedCache"/> that can hold back the answer of the next read of one key: the value is
/// read at once, as Redis would answer, and reaches the caller only when the test releases it.
/// </summary>
public sealed class HeldReadDistributedCache : IDistributedCache, IDisposable
{
    private readonly MemoryDistributedCache _inner = new(Options.Create(new MemoryDistributedCacheOptions()));
    private readonly TaskCompletionSource _reading = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _gets = new(StringComparer.Ordinal);
    private string? _heldKey;

    /// <summary>Completes once the held read has read its value and waits for <see cref="Release"/>.</summary>
    public Task Reading => _reading.Task;

    public void HoldNextGetOf(string key) => _heldKey = key;

    public void Release() => _release.TrySetResult();

    /// <summary>How many times <paramref name="key"/> was read asynchronously.</summary>
    public int GetsOf(string key) => _gets.GetValueOrDefault(key);

    public byte[]? Get(string key) => _inner.Get(key);

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        _gets.AddOrUpdate(key, 1, static (_, count) => count + 1);
        byte[]? value = _inner.Get(key);
        if (Interlocked.CompareExchange(ref _heldKey, null, key) == key)
        {
            _reading.TrySetResult();
            await _release.Task.WaitAsync(TimeSpan.FromSeconds(30), token);
        }

        return value;
    }

    public void Refresh(string key) => _inner.Refresh(key);

    public Task RefreshAsync(string key, CancellationToken token = default) => _inner.RefreshAsync(key, token);

    public void Remove(string key) => _inner.Remove(key);

    public Task RemoveAsync(string key, CancellationToken token = default) => _inner.RemoveAsync(key, token);

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => _inner.Set(key, value, options);

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) => _inner.SetAsync(key, value, options, token);

    public void Dispose() => (_inner as IDisposable)?.Dispose();
}
