using System.Security.Cryptography;

namespace AkeylessSharp.Emulator.Storage;

/// <summary>Creates new item records and the random values they hold (shared by commands and the seed).</summary>
internal static class ItemFactory
{
    public static StoredItem NewItem(ItemStore store, string name, string type, DateTimeOffset now) => new()
    {
        Name = name,
        Id = store.NextId(),
        DisplayId = ItemStore.NewDisplayId(),
        Type = type,
        Created = now,
        Modified = now,
    };

    public static StoredItem NewStatic(ItemStore store, string name, IReadOnlyList<string> values, DateTimeOffset now) =>
        NewItem(store, name, ItemTypes.Static, now) with
        {
            LastVersion = values.Count,
            Versions = values.Select((v, i) => new StoredVersion(i + 1, v, now)).ToArray(),
        };

    /// <summary>A random password of letters, digits and a few symbols, 24 characters.</summary>
    public static string NewPassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!@#%^*-_";
        return RandomNumberGenerator.GetString(alphabet, 24);
    }

    public static string RandomSuffix(int hexChars) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes((hexChars + 1) / 2))[..hexChars];
}
