namespace AkeylessSharp.Emulator.Storage;

/// <summary>Durable storage behind <see cref="ItemStore"/>. Writes complete before the store acknowledges them.</summary>
internal interface IItemPersistence : IDisposable
{
    IEnumerable<StoredItem> LoadAll();

    void Upsert(StoredItem item);

    void Delete(string name);
}

/// <summary>In-memory mode: nothing survives the process.</summary>
internal sealed class NullPersistence : IItemPersistence
{
    public IEnumerable<StoredItem> LoadAll() => [];

    public void Upsert(StoredItem item)
    {
    }

    public void Delete(string name)
    {
    }

    public void Dispose()
    {
    }
}
