namespace AkeylessSharp.Emulator.Storage;

/// <summary>The record of which seed items were applied to this file, kept after the items are deleted.</summary>
internal sealed partial class SqlitePersistence
{
    public IReadOnlySet<string> LoadAppliedSeeds()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        using var cmd = Command(null, "SELECT name FROM applied_seeds;");
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    public void ApplySeed(IReadOnlyCollection<StoredItem> items, IReadOnlyCollection<string> names)
    {
        using var tx = _connection.BeginTransaction();
        foreach (var item in items)
        {
            WriteItemRow(tx, item);
            DeleteVersions(tx, item.Name);
            foreach (var version in item.Versions)
            {
                InsertVersion(tx, item.Name, version);
            }
        }

        using var cmd = Command(tx, "INSERT OR IGNORE INTO applied_seeds(name) VALUES ($n);");
        var name = cmd.Parameters.Add("$n", Microsoft.Data.Sqlite.SqliteType.Text);
        foreach (var n in names)
        {
            name.Value = n;
            cmd.ExecuteNonQuery();
        }

        tx.Commit();
    }
}
