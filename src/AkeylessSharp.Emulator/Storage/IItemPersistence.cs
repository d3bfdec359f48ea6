namespace AkeylessSharp.Emulator.Storage;

/// <summary>Durable storage behind <see cref="ItemStore"/>. Writes complete before the store acknowledges them.</summary>
internal interface IItemPersistence : IDisposable
{
    IEnumerable<StoredItem> LoadAll();

    /// <summary>Stores <paramref name="item"/>; <paramref name="previous"/> (the record it replaces) lets storage write only what changed.</summary>
    void Upsert(StoredItem? previous, StoredItem item);

    void Delete(string name);

    /// <summary>The names of the seed items applied at an earlier start, whether or not they still exist.</summary>
    IReadOnlySet<string> LoadAppliedSeeds();

    /// <summary>
    /// Stores the new seed <paramref name="items"/> and records <paramref name="names"/> as applied seed items (so a later
    /// start does not create them again), all in one transaction: one commit for the whole seed, not one per item.
    /// </summary>
    void ApplySeed(IReadOnlyCollection<StoredItem> items, IReadOnlyCollection<string> names);
}

/// <summary>In-memory mode: nothing survives the process.</summary>
internal sealed class NullPersistence : IItemPersistence
{
    public IEnumerable<StoredItem> LoadAll() => [];

    public void Upsert(StoredItem? previous, StoredItem item)
    {
    }

    public void Delete(string name)
    {
    }

    public IReadOnlySet<string> LoadAppliedSeeds() => new HashSet<string>();

    public void ApplySeed(IReadOnlyCollection<StoredItem> items, IReadOnlyCollection<string> names)
    {
    }

    public void Dispose()
    {
    }
}
