using AkeylessSharp.Caching.Internal;

namespace AkeylessSharp.Caching;

/// <summary>
/// The default <see cref="ISecretCache"/>: values in this process's memory, each until its time to live ends.
/// A hit completes synchronously and allocates nothing.
/// </summary>
/// <remarks>Time comes from the <see cref="TimeProvider"/> given, so tests move a fake clock instead of sleeping.</remarks>
public sealed class MemorySecretCache : ISecretCache
{
    private readonly ExpiringMap<string> _map;

    /// <summary>Creates an empty cache.</summary>
    /// <param name="timeProvider">The clock that ends entries; <see langword="null"/> uses <see cref="TimeProvider.System"/>.</param>
    public MemorySecretCache(TimeProvider? timeProvider = null)
    {
        _map = new ExpiringMap<string>(timeProvider ?? TimeProvider.System);
    }

    /// <summary>Gets how many entries are held, expired ones not yet dropped included.</summary>
    public int Count => _map.Count;

    /// <inheritdoc />
    public ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _map.TryGet(key, out string value) ? new ValueTask<string?>(value) : default;
    }

    /// <summary>The hit path without the <see cref="ValueTask{TResult}"/> and interface layers, for the client's reader.</summary>
    internal bool TryGet(string key, out string value) => _map.TryGet(key, out value);

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ttl"/> is not positive.</exception>
    public ValueTask SetAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        _map.Set(key, value, _map.After(ttl));
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        _map.Remove(key);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask ClearAsync(CancellationToken cancellationToken = default)
    {
        _map.Clear();
        return ValueTask.CompletedTask;
    }

    /// <summary>Describes the cache without its values.</summary>
    /// <returns>The entry count.</returns>
    public override string ToString() => Count == 1 ? "MemorySecretCache (1 entry)" : $"MemorySecretCache ({Count} entries)";
}
