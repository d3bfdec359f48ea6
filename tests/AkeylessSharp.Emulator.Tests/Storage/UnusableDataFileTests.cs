using System.Net;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using AkeylessSharp.Tests.Shared;

namespace AkeylessSharp.Emulator.Tests.Storage;

/// <summary>
/// A data file the emulator cannot read (not SQLite, a directory, a row it cannot parse) stops the start with one
/// message naming the file, instead of an unhandled exception, and is left for the user to deal with.
/// </summary>
public sealed class UnusableDataFileTests : IDisposable
{
    private readonly TempDirectory _dir = new("akeyless-data-");

    private string DataPath => _dir.File("emulator.db");

    [Fact]
    public async Task StartAsync_FileIsNotADatabase_ThrowsNamingItAndLeavesItAsItWas()
    {
        await File.WriteAllTextAsync(DataPath, "my notes, not a database");

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(DataPath));

        Assert.Contains(DataPath, e.Message, StringComparison.Ordinal);
        Assert.Contains("not a database", e.Message, StringComparison.Ordinal);
        Assert.Equal("my notes, not a database", await File.ReadAllTextAsync(DataPath));
    }

    [Fact]
    public async Task StartAsync_PathIsADirectory_ThrowsNamingIt()
    {
        Directory.CreateDirectory(DataPath);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(DataPath));

        Assert.Contains(DataPath, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("INSERT INTO items VALUES ('/a', '{not json');")]
    [InlineData("INSERT INTO items VALUES ('/a', '{}');")]
    [InlineData("UPDATE versions SET created = 'yesterday';")]
    public async Task StartAsync_RowItCannotRead_ThrowsNamingTheFile(string damage)
    {
        await using (var emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { DataPath = DataPath }))
        {
            using var client = new EmulatorClient(emulator.BaseUrl);
            await client.LoginAsync(emulator.AccessId, emulator.AccessKey);
            (await client.PostAsync("create-secret", new JsonObject { ["name"] = "/kept", ["value"] = "v" })).AssertStatus(HttpStatusCode.OK);
        }

        Damage(damage);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(DataPath));

        Assert.Contains(DataPath, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_FileInUseByAnotherEmulator_ThrowsAndTheFirstKeepsItsWrites()
    {
        await using var first = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { DataPath = DataPath });
        using var client = new EmulatorClient(first.BaseUrl);
        await client.LoginAsync(first.AccessId, first.AccessKey);
        (await client.PostAsync("create-secret", new JsonObject { ["name"] = "/mine", ["value"] = "first" })).AssertStatus(HttpStatusCode.OK);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(DataPath));
        (await client.PostAsync("update-secret-val", new JsonObject { ["name"] = "/mine", ["value"] = "second" })).AssertStatus(HttpStatusCode.OK);
        await first.DisposeAsync();

        await using var restarted = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { DataPath = DataPath });
        using var again = new EmulatorClient(restarted.BaseUrl);
        await again.LoginAsync(restarted.AccessId, restarted.AccessKey);
        Assert.Contains("in use", e.Message, StringComparison.Ordinal);
        Assert.Equal("second", (await again.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray("/mine") })).Str("/mine"));
        Assert.Equal(2, (await again.PostAsync("describe-item", new JsonObject { ["name"] = "/mine" })).Json!["last_version"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("CREATE TRIGGER full BEFORE INSERT ON items BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END;")]
    [InlineData("CREATE TRIGGER full BEFORE INSERT ON applied_seeds BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END;")]
    [InlineData("DROP TABLE applied_seeds; CREATE TABLE applied_seeds (other TEXT);")]
    public async Task StartAsync_SeedItemsTheFileRefuses_ThrowsNamingTheFile(string damage)
    {
        // A trigger stands in for a full disk: the file opens and loads, then refuses the seed's new item.
        await StartAsync(DataPath);
        Damage(damage);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions
        {
            DataPath = DataPath,
            SeedJson = """{ "items": [ { "name": "/seeded", "value": "v" } ] }""",
        }));

        Assert.Contains(DataPath, e.Message, StringComparison.Ordinal);
        Assert.Contains("DataPath", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public async Task StartAsync_TruncatedFile_ThrowsNamingTheFile(double kept)
    {
        await using (var emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { DataPath = DataPath }))
        {
            using var client = await EmulatorClient.ConnectAsync(emulator);
            for (var i = 0; i < 200; i++)
            {
                (await client.PostAsync("create-secret", new JsonObject { ["name"] = $"/many/{i}", ["value"] = new string('v', 500) })).AssertStatus(HttpStatusCode.OK);
            }
        }

        await using (var file = new FileStream(DataPath, FileMode.Open))
        {
            file.SetLength((long)(file.Length * kept) / 4096 * 4096);
        }

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(DataPath));

        Assert.Contains(DataPath, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_PortInUse_FailsAndLeavesTheDataFileFreeForTheNextStart()
    {
        await using var holder = await AkeylessEmulator.StartAsync();

        await Assert.ThrowsAsync<IOException>(() => AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions
        {
            DataPath = DataPath,
            Urls = holder.BaseUrl.GetLeftPart(UriPartial.Authority),
        }));

        await StartAsync(DataPath);
    }

    private static async Task StartAsync(string dataPath)
    {
        await using var emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { DataPath = dataPath });
    }

    private void Damage(string sql)
    {
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DataPath, Pooling = false }.ToString());
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
