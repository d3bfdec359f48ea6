using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace AkeylessSharp.Emulator.Storage;

/// <summary>Loading, and the one-time move of versions out of item JSON written by older emulators.</summary>
internal sealed partial class SqlitePersistence
{
    public IEnumerable<StoredItem> LoadAll()
    {
        try
        {
            return Load();
        }
        catch (Exception e) when (e is SqliteException or JsonException or FormatException or InvalidCastException)
        {
            throw Unusable(e);
        }
    }

    private List<StoredItem> Load()
    {
        var versions = LoadVersions();
        var items = new List<StoredItem>();
        var legacy = new List<StoredItem>();
        using (var cmd = Command(null, "SELECT json FROM items;"))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                if (JsonSerializer.Deserialize(reader.GetString(0), StorageJsonContext.Default.StoredItem) is not { } item)
                {
                    continue;
                }

                if (versions.TryGetValue(item.Name, out var rows))
                {
                    item = item with { Versions = rows };
                }
                else if (item.Versions.Count > 0)
                {
                    legacy.Add(item);
                }

                items.Add(item);
            }
        }

        foreach (var item in legacy)
        {
            Upsert(null, item);
        }

        return items;
    }

    private Dictionary<string, List<StoredVersion>> LoadVersions()
    {
        var map = new Dictionary<string, List<StoredVersion>>(StringComparer.Ordinal);
        using var cmd = Command(null, "SELECT name, version, value, created FROM versions ORDER BY name, version;");
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            var name = reader.GetString(0);
            if (!map.TryGetValue(name, out var list))
            {
                map[name] = list = [];
            }

            list.Add(new StoredVersion(reader.GetInt32(1), reader.GetString(2), DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture)));
        }

        return map;
    }
}
