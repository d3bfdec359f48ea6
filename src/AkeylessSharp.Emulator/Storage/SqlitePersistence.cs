using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace AkeylessSharp.Emulator.Storage;

/// <summary>
/// SQLite file storage: one row per item holding its JSON record. WAL journal with synchronous=FULL, and
/// each write is its own committed transaction, so an acknowledged write survives a process kill.
/// Callers serialize writes (<see cref="ItemStore"/> holds a write lock), so one connection is enough.
/// </summary>
internal sealed class SqlitePersistence : IItemPersistence
{
    private readonly SqliteConnection _connection;

    public SqlitePersistence(string path)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode=WAL;");
        Execute("PRAGMA synchronous=FULL;");
        Execute("PRAGMA busy_timeout=5000;");
        Execute("CREATE TABLE IF NOT EXISTS items (name TEXT PRIMARY KEY NOT NULL, json TEXT NOT NULL);");
    }

    public IEnumerable<StoredItem> LoadAll()
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = "SELECT json FROM items;";
        using var reader = cmd.ExecuteReader();
        var list = new List<StoredItem>();
        while (reader.Read())
        {
            var item = JsonSerializer.Deserialize(reader.GetString(0), StorageJsonContext.Default.StoredItem);
            if (item is not null)
            {
                list.Add(item);
            }
        }

        return list;
    }

    public void Upsert(StoredItem item)
    {
        using var tx = _connection.BeginTransaction();
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO items(name, json) VALUES ($n, $j) ON CONFLICT(name) DO UPDATE SET json = excluded.json;";
        cmd.Parameters.AddWithValue("$n", item.Name);
        cmd.Parameters.AddWithValue("$j", JsonSerializer.Serialize(item, StorageJsonContext.Default.StoredItem));
        cmd.ExecuteNonQuery();
        tx.Commit();
    }

    public void Delete(string name)
    {
        using var tx = _connection.BeginTransaction();
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "DELETE FROM items WHERE name = $n;";
        cmd.Parameters.AddWithValue("$n", name);
        cmd.ExecuteNonQuery();
        tx.Commit();
    }

    public void Dispose()
    {
        _connection.Dispose();
        SqliteConnection.ClearAllPools();
    }

    private void Execute(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
