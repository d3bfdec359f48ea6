using System.Net;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;
using AkeylessSharp.Tests.Shared;

namespace AkeylessSharp.Emulator.Tests.Commands;

/// <summary>
/// <c>delete-item</c> with <c>version: 0</c> ("the last version") racing an update on a real data file, where every
/// write holds the write lock for an fsync, so a last version read before the lock has time to be overtaken.
/// </summary>
public sealed class DeleteVersionRaceTests : IDisposable
{
    private const string Name = "/race/item";
    private const int Rounds = 100;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(20);

    private readonly TempDirectory _dir = new("akeyless-emu-race-");

    [Fact]
    public async Task DeleteLastVersion_RacingAnUpdate_DeletesTheVersionThatWasLastWhenItRan()
    {
        await using var emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { DataPath = _dir.File("race.db") });
        using var client = await EmulatorClient.ConnectAsync(emulator);
        var deadline = DateTime.UtcNow + Budget;
        var outcomes = new List<string>();

        for (var round = 0; round < Rounds && DateTime.UtcNow < deadline; round++)
        {
            (await client.PostAsync("create-secret", new JsonObject { ["name"] = Name, ["value"] = "one" })).AssertStatus(HttpStatusCode.OK);
            var update = client.PostAsync("update-secret-val", new JsonObject { ["name"] = Name, ["value"] = "two" });
            var delete = client.PostAsync("delete-item", new JsonObject { ["name"] = Name, ["version"] = 0 });
            var (updated, deleted) = (await update, await delete);
            outcomes.Add($"update {(int)updated.Status}, delete {(int)deleted.Status} v{deleted.Json?["version_deleted"]}");
            await client.PostAsync("delete-item", new JsonObject { ["name"] = Name, ["version"] = -1 });
        }

        // In either order the outcome is consistent: delete first removes version 1 (the only one, so the item) and
        // the update then finds nothing; update first makes version 2 the last one, which the delete removes.
        Assert.All(outcomes, o => Assert.Contains(o, new[] { "update 200, delete 200 v2", "update 404, delete 200 v1" }));
    }

    public void Dispose() => _dir.Dispose();
}
