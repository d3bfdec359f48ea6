using System.Net;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using AkeylessSharp.Tests.Shared;

namespace AkeylessSharp.Emulator.Tests.Storage;

/// <summary>Versions are rows: an update adds one row and rewrites only the small item record.</summary>
public sealed class VersionRowsTests : IDisposable
{
    private readonly TempDirectory _dir = new("akeyless-rows-");

    private string DataPath => _dir.File("emulator.db");

    [Fact]
    public async Task Updates_AddOneRowEach_ItemRecordHoldsNoValues()
    {
        await using (var emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { DataPath = DataPath, MaxVersionsPerItem = 3 }))
        {
            using var client = new EmulatorClient(emulator.BaseUrl);
            await client.LoginAsync(emulator.AccessId, emulator.AccessKey);
            await client.PostAsync("create-secret", new JsonObject { ["name"] = "/rows", ["value"] = "value-1" });
            for (var i = 2; i <= 5; i++)
            {
                (await client.PostAsync("update-secret-val", new JsonObject { ["name"] = "/rows", ["value"] = $"value-{i}" })).AssertStatus(HttpStatusCode.OK);
            }
        }

        using var db = Open();
        var versions = Query(db, "SELECT group_concat(version) FROM (SELECT version FROM versions WHERE name = '/rows' ORDER BY version);");
        var json = Query(db, "SELECT json FROM items WHERE name = '/rows';");

        Assert.Equal("3,4,5", versions);
        Assert.DoesNotContain("value-", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LegacyFile_WithVersionsInItemJson_IsMigratedAndKeepsHistory()
    {
        using (var db = Open())
        {
            Execute(db, "CREATE TABLE items (name TEXT PRIMARY KEY NOT NULL, json TEXT NOT NULL);");
            Execute(db, """
                INSERT INTO items VALUES ('/old', '{"name":"/old","id":100001,"displayId":"abc","type":"STATIC_SECRET","subType":"generic","format":"text","lastVersion":2,
                "versions":[{"version":1,"value":"old-1","created":"2025-01-01T00:00:00+00:00"},{"version":2,"value":"old-2","created":"2025-01-02T00:00:00+00:00"}]}');
                """);
        }

        await using var emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { DataPath = DataPath });
        using var client = new EmulatorClient(emulator.BaseUrl);
        await client.LoginAsync(emulator.AccessId, emulator.AccessKey);
        (await client.PostAsync("update-secret-val", new JsonObject { ["name"] = "/old", ["value"] = "new-3" })).AssertStatus(HttpStatusCode.OK);

        var first = await client.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray("/old"), ["version"] = 1 });
        var latest = await client.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray("/old") });

        Assert.Equal("old-1", first.AssertStatus(HttpStatusCode.OK).Str("/old"));
        Assert.Equal("new-3", latest.AssertStatus(HttpStatusCode.OK).Str("/old"));
    }

    private SqliteConnection Open()
    {
        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DataPath, Pooling = false }.ToString());
        db.Open();
        return db;
    }

    private static string Query(SqliteConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    private static void Execute(SqliteConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public void Dispose() => _dir.Dispose();
}
