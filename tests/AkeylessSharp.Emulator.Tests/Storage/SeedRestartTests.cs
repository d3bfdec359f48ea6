using System.Net;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;
using AkeylessSharp.Tests.Shared;

namespace AkeylessSharp.Emulator.Tests.Storage;

/// <summary>A seed applied to a data file, then the emulator restarted on the same file with a seed.</summary>
public sealed class SeedRestartTests : IDisposable
{
    private readonly TempDirectory _dir = new("akeyless-emu-seed-");

    private string DataPath => _dir.File("emulator.db");

    [Fact]
    public async Task Restart_SeededItemDeletedThroughTheApi_StaysDeleted()
    {
        const string seed = """{ "items": [ { "name": "/seeded/gone", "value": "a" }, { "name": "/seeded/kept", "value": "b" } ] }""";
        await using (var first = await StartAsync(seed))
        {
            using var client = await EmulatorClient.ConnectAsync(first);
            (await client.PostAsync("delete-item", new JsonObject { ["name"] = "/seeded/gone", ["version"] = -1 })).AssertStatus(HttpStatusCode.OK);
        }

        await using var second = await StartAsync(seed);
        using var again = await EmulatorClient.ConnectAsync(second);

        (await again.PostAsync("describe-item", new JsonObject { ["name"] = "/seeded/gone" })).AssertStatus(HttpStatusCode.NotFound);
        Assert.Equal("b", (await again.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray("/seeded/kept") })).Str("/seeded/kept"));
    }

    [Fact]
    public async Task Restart_SeedGainsAnItem_CreatesOnlyTheNewOne()
    {
        await using (var first = await StartAsync("""{ "items": [ { "name": "/seeded/old", "value": "a" } ] }"""))
        {
            using var client = await EmulatorClient.ConnectAsync(first);
            await client.PostAsync("delete-item", new JsonObject { ["name"] = "/seeded/old", ["version"] = -1 });
        }

        await using var second = await StartAsync("""{ "items": [ { "name": "/seeded/old", "value": "a" }, { "name": "/seeded/new", "value": "n" } ] }""");
        using var again = await EmulatorClient.ConnectAsync(second);

        (await again.PostAsync("describe-item", new JsonObject { ["name"] = "/seeded/old" })).AssertStatus(HttpStatusCode.NotFound);
        Assert.Equal("n", (await again.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray("/seeded/new") })).Str("/seeded/new"));
    }

    [Fact]
    public async Task Restart_SeedValueChangedInTheSeed_KeepsTheStoredValue()
    {
        await (await StartAsync("""{ "items": [ { "name": "/seeded/cfg", "value": "first" } ] }""")).DisposeAsync();

        await using var second = await StartAsync("""{ "items": [ { "name": "/seeded/cfg", "value": "second" } ] }""");
        using var again = await EmulatorClient.ConnectAsync(second);
        var describe = await again.PostAsync("describe-item", new JsonObject { ["name"] = "/seeded/cfg" });

        Assert.Equal("first", (await again.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray("/seeded/cfg") })).Str("/seeded/cfg"));
        Assert.Equal(1, describe.Json!["last_version"]!.GetValue<int>());
    }

    [Fact]
    public async Task InMemory_EveryStart_CreatesTheSeedItems()
    {
        const string seed = """{ "items": [ { "name": "/seeded/mem", "value": "m" } ] }""";
        await using (var first = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { SeedJson = seed }))
        {
            using var client = await EmulatorClient.ConnectAsync(first);
            await client.PostAsync("delete-item", new JsonObject { ["name"] = "/seeded/mem", ["version"] = -1 });
        }

        await using var second = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { SeedJson = seed });
        using var again = await EmulatorClient.ConnectAsync(second);

        Assert.Equal("m", (await again.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray("/seeded/mem") })).Str("/seeded/mem"));
    }

    public void Dispose() => _dir.Dispose();

    private Task<AkeylessEmulator> StartAsync(string seed) =>
        AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { DataPath = DataPath, SeedJson = seed });
}
