using System.Net;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;
using AkeylessSharp.Tests.Shared;

namespace AkeylessSharp.Emulator.Tests.Storage;

public sealed class PersistenceTests : IDisposable
{
    private readonly TempDirectory _dir = new("akeyless-emu-");

    private string DataPath => _dir.File("emulator.db");

    [Fact]
    public async Task Restart_WithDataPath_KeepsItemsAndVersions()
    {
        await using (var first = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { DataPath = DataPath }))
        {
            using var client = new EmulatorClient(first.BaseUrl);
            await client.LoginAsync(first.AccessId, first.AccessKey);
            await client.PostAsync("create-secret", new JsonObject { ["name"] = "/keep", ["value"] = "v1" });
            await client.PostAsync("update-secret-val", new JsonObject { ["name"] = "/keep", ["value"] = "v2" });
            await client.PostAsync("create-secret", new JsonObject { ["name"] = "/dropped", ["value"] = "x" });
            await client.PostAsync("delete-item", new JsonObject { ["name"] = "/dropped" });
        }

        await using var second = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { DataPath = DataPath });
        using var again = new EmulatorClient(second.BaseUrl);
        await again.LoginAsync(second.AccessId, second.AccessKey);

        var value = await again.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray("/keep"), ["version"] = 1 });
        var describe = await again.PostAsync("describe-item", new JsonObject { ["name"] = "/keep" });
        var dropped = await again.PostAsync("describe-item", new JsonObject { ["name"] = "/dropped" });
        var create = await again.PostAsync("create-secret", new JsonObject { ["name"] = "/new", ["value"] = "x" });
        var newId = (await again.PostAsync("describe-item", new JsonObject { ["name"] = "/new" })).Json!["item_id"]!.GetValue<long>();

        Assert.Equal("v1", value.AssertStatus(HttpStatusCode.OK).Str("/keep"));
        Assert.Equal(2, describe.Json!["last_version"]!.GetValue<int>());
        dropped.AssertStatus(HttpStatusCode.NotFound);
        create.AssertStatus(HttpStatusCode.OK);
        Assert.NotEqual(describe.Json!["item_id"]!.GetValue<long>(), newId);
    }

    [Fact]
    public async Task Restart_KeepsAPasswordSecretsUsernameAndWebsites()
    {
        await using (var first = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { DataPath = DataPath }))
        {
            using var client = new EmulatorClient(first.BaseUrl);
            await client.LoginAsync(first.AccessId, first.AccessKey);
            (await client.PostAsync("create-secret", new JsonObject
            {
                ["name"] = "/login", ["type"] = "password", ["username"] = "alice", ["password"] = "p", ["inject-url"] = new JsonArray("https://a.test"),
            })).AssertStatus(HttpStatusCode.OK);
        }

        await using var second = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { DataPath = DataPath });
        using var again = new EmulatorClient(second.BaseUrl);
        await again.LoginAsync(second.AccessId, second.AccessKey);

        var info = (await again.PostAsync("describe-item", new JsonObject { ["name"] = "/login" })).Json!["item_general_info"]!["static_secret_info"]!;
        Assert.Equal("alice", info["username"]!.GetValue<string>());
        Assert.Equal("https://a.test", info["websites"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Restart_SeedDoesNotOverwritePersistedChanges()
    {
        const string seed = """{ "items": [ { "name": "/seeded", "value": "original" } ] }""";
        await using (var first = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { DataPath = DataPath, SeedJson = seed }))
        {
            using var client = new EmulatorClient(first.BaseUrl);
            await client.LoginAsync(first.AccessId, first.AccessKey);
            await client.PostAsync("update-secret-val", new JsonObject { ["name"] = "/seeded", ["value"] = "changed" });
        }

        await using var second = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { DataPath = DataPath, SeedJson = seed });
        using var again = new EmulatorClient(second.BaseUrl);
        await again.LoginAsync(second.AccessId, second.AccessKey);

        Assert.Equal("changed", (await again.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray("/seeded") })).Str("/seeded"));
    }

    [Fact]
    public async Task KillDashNine_AcknowledgedWritesSurvive()
    {
        const int count = 25;
        var (child, url) = await ToolProcess.StartListeningAsync(["--data", DataPath]);
        using (child)
        {
            try
            {
                using var client = new EmulatorClient(url);
                Assert.True(await ToolProcess.WaitHealthyAsync(client.Http, TimeSpan.FromSeconds(60)), "the emulator child process did not become healthy within 60 s");
                await client.LoginAsync("p-akeylessemu1a0", "ZW11bGF0b3ItZGV2LWFjY2Vzcy1rZXk=");
                for (var i = 0; i < count; i++)
                {
                    (await client.PostAsync("create-secret", new JsonObject { ["name"] = $"/durable/s{i}", ["value"] = $"v{i}" })).AssertStatus(HttpStatusCode.OK);
                }
            }
            finally
            {
                child.Kill(entireProcessTree: true);
                await child.WaitForExitAsync();
            }
        }

        await using var restarted = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { DataPath = DataPath });
        using var again = new EmulatorClient(restarted.BaseUrl);
        await again.LoginAsync(restarted.AccessId, restarted.AccessKey);
        var names = new JsonArray(Enumerable.Range(0, count).Select(i => (JsonNode)$"/durable/s{i}").ToArray());
        var values = (await again.PostAsync("get-secret-value", new JsonObject { ["names"] = names })).AssertStatus(HttpStatusCode.OK);

        for (var i = 0; i < count; i++)
        {
            Assert.Equal($"v{i}", values.Str($"/durable/s{i}"));
        }
    }

    public void Dispose() => _dir.Dispose();
}
