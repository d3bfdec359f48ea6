using System.Security.Cryptography;
using AkeylessSharp.Emulator.Wire;

namespace AkeylessSharp.Emulator.Storage;

/// <summary>
/// The item catalogue. Reads come from an immutable in-memory map; writes are serialized by one async lock,
/// persisted (committed) first and only then published, so a reader never sees an unacknowledged write and
/// concurrent updates never lose each other. Every write respects <see cref="StoreLimits"/>: the item count is
/// capped and only the newest versions of an item are kept.
/// </summary>
internal sealed class ItemStore : IDisposable
{
    private readonly IItemPersistence _persistence;
    private readonly StoreLimits _limits;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private volatile SortedList<string, StoredItem> _items;
    private long _nextId;

    public ItemStore(IItemPersistence persistence, StoreLimits? limits = null)
    {
        _persistence = persistence;
        _limits = limits ?? StoreLimits.Unbounded;
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

            if (current is null && next is not null && _items.Count >= _limits.MaxItems)
            {
                throw Errors.BadRequest($"cannot create {name}: the emulator holds as many items as its limit allows (MaxItems = {_limits.MaxItems}); delete some first");
            }

            if (next is not null && next.Versions.Count > _limits.MaxVersionsPerItem)
            {
                next = next with { Versions = next.Versions.Skip(next.Versions.Count - _limits.MaxVersionsPerItem).ToArray() };
            }

            var copy = new SortedList<string, StoredItem>(_items, StringComparer.Ordinal);
            if (next is null)
            {
                _persistence.Delete(name);
                copy.Remove(name);
            }
            else
            {
                _persistence.Upsert(current, next);
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

    /// <summary>
    /// Adds the seed records never applied to this storage before and not held now, in one write: a seed of N items
    /// costs one copy of the catalogue, not N (which made a 100,000-item seed take minutes). Every record's name is
    /// then marked applied, so a seed item deleted through the API is not created again at the next start.
    /// Returns how many were added.
    /// </summary>
    public async Task<int> ApplySeedAsync(IReadOnlyCollection<StoredItem> records, CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var applied = _persistence.LoadAppliedSeeds();
            var merged = new Dictionary<string, StoredItem>(_items, StringComparer.Ordinal);
            var added = new List<StoredItem>();
            foreach (var record in records)
            {
                var next = record.Versions.Count > _limits.MaxVersionsPerItem
                    ? record with { Versions = record.Versions.Skip(record.Versions.Count - _limits.MaxVersionsPerItem).ToArray() }
                    : record;
                if (!applied.Contains(next.Name) && merged.TryAdd(next.Name, next))
                {
                    added.Add(next);
                }
            }

            // Checked before anything is persisted, so a refused seed leaves the store as it was.
            if (merged.Count > _limits.MaxItems)
            {
                throw Errors.BadRequest($"cannot apply the seed: with its new items the emulator would hold {merged.Count}, over its limit (MaxItems = {_limits.MaxItems})");
            }

            // One commit for the items and their applied marks: a commit per item made a large seed take minutes.
            _persistence.ApplySeed(added, records.Select(r => r.Name).Where(n => !applied.Contains(n)).ToArray());
            if (added.Count > 0)
            {
                _items = new SortedList<string, StoredItem>(merged, StringComparer.Ordinal);
            }

            return added.Count;
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
