using System.Security.Cryptography;

namespace AkeylessSharp.Emulator.Storage;

/// <summary>
/// The item catalogue. Reads come from an immutable in-memory map; writes are serialized by one async lock,
/// persisted (committed) first and only then published, so a reader never sees an unacknowledged write and
/// concurrent updates never lose each other.
/// </summary>
internal sealed class ItemStore : IDisposable
{
    private readonly IItemPersistence _persistence;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private volatile SortedList<string, StoredItem> _items;
    private long _nextId;

    public ItemStore(IItemPersistence persistence)
    {
        _persistence = persistence;
        var items = new SortedList<string, StoredItem>(StringComparer.Ordinal);
        foreach (var item in persistence.LoadAll())
        {
            items[item.Name] = item;
            _nextId = Math.Max(_nextId, item.Id);
        }

        _items = items;
    }

    public StoredItem? Get(string name) => _items.TryGetValue(name, out var item) ? item : null;

    public IReadOnlyList<StoredItem> Snapshot() => _items.Values.ToArray();

    public long NextId() => Interlocked.Increment(ref _nextId) + 100_000;

    public static string NewDisplayId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    /// <summary>
    /// Atomically replaces the item <paramref name="name"/>: <paramref name="mutate"/> receives the current
    /// record (or null) and returns the new one (or null to delete). Exceptions it throws abort the write.
    /// </summary>
    public async Task<StoredItem?> MutateAsync(string name, Func<StoredItem?, StoredItem?> mutate, CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = Get(name);
            var next = mutate(current);
            if (ReferenceEquals(next, current))
            {
                return current;
            }

            var copy = new SortedList<string, StoredItem>(_items, StringComparer.Ordinal);
            if (next is null)
            {
                _persistence.Delete(name);
                copy.Remove(name);
            }
            else
            {
                _persistence.Upsert(next);
                copy[name] = next;
            }

            _items = copy;
            return next;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Dispose()
    {
        _persistence.Dispose();
        _writeLock.Dispose();
    }
}
