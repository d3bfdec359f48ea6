using System.Net;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;
using AkeylessSharp.Tests.Shared;
using Microsoft.Data.Sqlite;

namespace AkeylessSharp.Emulator.Tests.Storage;

/// <summary>
/// A write the data file refuses (a full disk; here a trigger stands in for one) is answered with 500 naming the data
/// file, not as an emulator bug, and changes nothing: neither what the emulator serves nor what a restart finds.
/// </summary>
public sealed class WriteFailureTests : IDisposable
{
    private readonly TempDirectory _dir = new("akeyless-full-");

    private string DataPath => _dir.File("emulator.db");

    [Fact]
    public async Task RefusedWrite_Answers500NamingTheDataFile_AndChangesNothing()
    {
        await (await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { DataPath = DataPath })).DisposeAsync();
        using (var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DataPath, Pooling = false }.ToString()))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "CREATE TRIGGER full BEFORE INSERT ON versions WHEN NEW.value = 'too much' BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END;";
            cmd.ExecuteNonQuery();
        }

        ApiResponse update, create;
        await using (var first = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { DataPath = DataPath }))
        {
            using var client = await EmulatorClient.ConnectAsync(first);
            (await client.PostAsync("create-secret", new JsonObject { ["name"] = "/kept", ["value"] = "v1" })).AssertStatus(HttpStatusCode.OK);
            update = await client.PostAsync("update-secret-val", new JsonObject { ["name"] = "/kept", ["value"] = "too much" });
            create = await client.PostAsync("create-secret", new JsonObject { ["name"] = "/refused", ["value"] = "too much" });
            await AssertUnchangedAsync(client);
        }

        await using var second = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { DataPath = DataPath });
        using var again = await EmulatorClient.ConnectAsync(second);
        await AssertUnchangedAsync(again);
        foreach (var refused in new[] { update, create })
        {
            refused.AssertStatus(HttpStatusCode.InternalServerError);
            Assert.Contains("data file", refused.Text, StringComparison.Ordinal);
            Assert.Contains("disk is full", refused.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("emulator bug", refused.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("too much", refused.Text, StringComparison.Ordinal);
        }
    }

    private static async Task AssertUnchangedAsync(EmulatorClient client)
    {
        var value = await client.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray("/kept") });
        var kept = await client.PostAsync("describe-item", new JsonObject { ["name"] = "/kept" });
        var refused = await client.PostAsync("describe-item", new JsonObject { ["name"] = "/refused" });
        Assert.Equal("v1", value.AssertStatus(HttpStatusCode.OK).Str("/kept"));
        Assert.Equal(1, kept.Json!["last_version"]!.GetValue<int>());
        refused.AssertStatus(HttpStatusCode.NotFound);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
