using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace AkeylessSharp.Emulator.Storage;

/// <summary>
/// SQLite file storage: one <c>items</c> row per item (its JSON record without values) and one <c>versions</c> row
/// per version, so an update writes the item row and the new version only, whatever the history length; one
/// <c>applied_seeds</c> row per seed item ever created, so a seed item deleted through the API stays deleted.
/// WAL journal with synchronous=FULL, and each write is its own committed transaction, so an acknowledged write
/// survives a process kill. Callers serialize writes (<see cref="ItemStore"/> holds a write lock), so one connection is enough.
/// The file is locked exclusively while the emulator runs: a second emulator (or another program) cannot open it.
/// </summary>
internal sealed partial class SqlitePersistence : IItemPersistence
{
    private const int SQLiteBusy = 5;
    private const int SQLiteLocked = 6;

    // How long a start waits for another process to let go of the file before failing.
    private const int LockWaitSeconds = 2;

    private readonly SqliteConnection _connection;
    private readonly string _path;

    public SqlitePersistence(string path)
    {
        _path = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(_path);
        if (!string.IsNullOrEmpty(dir))
        {
            try
            {
                Directory.CreateDirectory(dir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A file where a folder of the path should be, or a folder that may not be created.
                throw new InvalidOperationException(
                    $"The data file {_path} cannot be used: its folder {dir} cannot be created ({e.Message.TrimEnd('.')}). Give DataPath (--data) a path in a folder you can write to.", e);
            }
        }

        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _path, Pooling = false, DefaultTimeout = LockWaitSeconds }.ToString());
        try
        {
            _connection.Open();

            // One emulator per file: a second one would keep its own copy of the catalogue and overwrite the first's
            // acknowledged writes. The lock is taken now and held until the connection closes (set before WAL, so
            // no shared-memory index is used).
            Execute("PRAGMA locking_mode=EXCLUSIVE;");
            Execute("PRAGMA journal_mode=WAL;");
            Execute("PRAGMA synchronous=FULL;");
            Execute("PRAGMA busy_timeout=5000;");
            Execute("CREATE TABLE IF NOT EXISTS items (name TEXT PRIMARY KEY NOT NULL, json TEXT NOT NULL);");
            Execute("""
                CREATE TABLE IF NOT EXISTS versions (
                  name TEXT NOT NULL, version INTEGER NOT NULL, value TEXT NOT NULL, created TEXT NOT NULL,
                  UNIQUE (name, version));
                """);
            Execute("CREATE TABLE IF NOT EXISTS applied_seeds (name TEXT PRIMARY KEY NOT NULL);");
            Execute("BEGIN EXCLUSIVE; COMMIT;");
        }
        catch (SqliteException e)
        {
            _connection.Dispose();
            throw e.SqliteErrorCode is SQLiteBusy or SQLiteLocked
                ? new InvalidOperationException(
                    $"The data file {_path} is in use by another process (another emulator?). Stop it, or give DataPath (--data) another file.", e)
                : Unusable(e);
        }
    }

    public void Upsert(StoredItem? previous, StoredItem item)
    {
        using var tx = _connection.BeginTransaction();
        WriteItemRow(tx, item);
        if (previous is null)
        {
            DeleteVersions(tx, item.Name);
        }

        var kept = item.Versions.Select(v => v.Version).ToHashSet();
        var had = previous?.Versions.Select(v => v.Version).ToHashSet() ?? [];
        foreach (var gone in had.Where(v => !kept.Contains(v)))
        {
            DeleteVersion(tx, item.Name, gone);
        }

        foreach (var added in item.Versions.Where(v => !had.Contains(v.Version)))
        {
            InsertVersion(tx, item.Name, added);
        }

        tx.Commit();
    }

    public void Delete(string name)
    {
        using var tx = _connection.BeginTransaction();
        using var cmd = Command(tx, "DELETE FROM items WHERE name = $n;");
        cmd.Parameters.AddWithValue("$n", name);
        cmd.ExecuteNonQuery();
        DeleteVersions(tx, name);
        tx.Commit();
    }

    public void Dispose()
    {
        _connection.Dispose();
        SqliteConnection.ClearAllPools();
    }

    private void WriteItemRow(SqliteTransaction tx, StoredItem item)
    {
        using var cmd = Command(tx, "INSERT INTO items(name, json) VALUES ($n, $j) ON CONFLICT(name) DO UPDATE SET json = excluded.json;");
        cmd.Parameters.AddWithValue("$n", item.Name);
        cmd.Parameters.AddWithValue("$j", JsonSerializer.Serialize(item with { Versions = [] }, StorageJsonContext.Default.StoredItem));
        cmd.ExecuteNonQuery();
    }

    private void InsertVersion(SqliteTransaction tx, string name, StoredVersion version)
    {
        using var cmd = Command(tx, "INSERT OR REPLACE INTO versions(name, version, value, created) VALUES ($n, $v, $x, $c);");
        cmd.Parameters.AddWithValue("$n", name);
        cmd.Parameters.AddWithValue("$v", version.Version);
        cmd.Parameters.AddWithValue("$x", version.Value);
        cmd.Parameters.AddWithValue("$c", version.Created.ToString("O", CultureInfo.InvariantCulture));
        cmd.ExecuteNonQuery();
    }

    private void DeleteVersion(SqliteTransaction tx, string name, int version)
    {
        using var cmd = Command(tx, "DELETE FROM versions WHERE name = $n AND version = $v;");
        cmd.Parameters.AddWithValue("$n", name);
        cmd.Parameters.AddWithValue("$v", version);
        cmd.ExecuteNonQuery();
    }

    private void DeleteVersions(SqliteTransaction tx, string name)
    {
        using var cmd = Command(tx, "DELETE FROM versions WHERE name = $n;");
        cmd.Parameters.AddWithValue("$n", name);
        cmd.ExecuteNonQuery();
    }

    /// <summary>The start-up failure for a data file that is not an emulator database (or not readable): one line naming it.</summary>
    private InvalidOperationException Unusable(Exception cause) => new(
        $"The data file {_path} cannot be used: {cause.Message.TrimEnd('.')}. Give DataPath (--data) a new file name, or move this file away.", cause);

    private SqliteCommand Command(SqliteTransaction? tx, string sql)
    {
        var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    private void Execute(string sql)
    {
        using var cmd = Command(null, sql);
        cmd.ExecuteNonQuery();
    }
}
