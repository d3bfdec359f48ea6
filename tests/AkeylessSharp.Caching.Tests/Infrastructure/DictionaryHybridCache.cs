using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Hybrid;

namespace AkeylessSharp.Caching.Tests.Infrastructure;

/// <summary>
/// A <see cref="HybridCache"/> that is one plain dictionary of values by key, with no payload framing of its own: it stands
/// for a level whose content someone with write access can rearrange at will (no expiry, no tags).
/// </summary>
internal sealed class DictionaryHybridCache : HybridCache
{
    public ConcurrentDictionary<string, object?> Entries { get; } = new(StringComparer.Ordinal);

    public override async ValueTask<T> GetOrCreateAsync<TState, T>(string key, TState state, Func<TState, CancellationToken, ValueTask<T>> factory, HybridCacheEntryOptions? options = null, IEnumerable<string>? tags = null, CancellationToken cancellationToken = default) =>
        Entries.TryGetValue(key, out object? value) ? (T)value! : await factory(state, cancellationToken);

    public override ValueTask SetAsync<T>(string key, T value, HybridCacheEntryOptions? options = null, IEnumerable<string>? tags = null, CancellationToken cancellationToken = default)
    {
        Entries[key] = value;
        return ValueTask.CompletedTask;
    }

    public override ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        Entries.TryRemove(key, out _);
        return ValueTask.CompletedTask;
    }

    public override ValueTask RemoveByTagAsync(string tag, CancellationToken cancellationToken = default)
    {
        Entries.Clear();
        return ValueTask.CompletedTask;
    }
}
