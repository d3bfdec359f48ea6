using System.Net;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;

namespace AkeylessSharp.Emulator.Tests.Hosting;

/// <summary>The documented bounds: body size, value size, versions kept, item count, counters.</summary>
public sealed class LimitsTests : EmulatorTestBase
{
    protected override AkeylessEmulatorOptions CreateOptions() => new()
    {
        MaxRequestBodyBytes = 64 * 1024,
        MaxValueBytes = 1024,
        MaxVersionsPerItem = 3,
        MaxItems = 5,
    };

    [Fact]
    public async Task BodyOverLimit_Returns413()
    {
        var r = await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/big", ["value"] = new string('x', 70 * 1024) });

        r.AssertStatus(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("MaxRequestBodyBytes", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValueOverLimit_Returns400NamingField()
    {
        var create = await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/v", ["value"] = new string('é', 600) });
        var ok = await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/v", ["value"] = new string('x', 1024) });
        var update = await Client.PostAsync("update-secret-val", new JsonObject { ["name"] = "/v", ["value"] = new string('x', 1025) });

        create.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("parameter value", create.Error, StringComparison.Ordinal);
        Assert.Contains("larger than 1024 bytes", create.Error, StringComparison.Ordinal);
        ok.AssertStatus(HttpStatusCode.OK);
        update.AssertStatus(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task DefaultValueLimit_IsTheServices16KB()
    {
        await using var emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions());
        using var client = await EmulatorClient.ConnectAsync(emulator);

        var atLimit = await client.PostAsync("create-secret", new JsonObject { ["name"] = "/at", ["value"] = new string('x', 16 * 1024) });
        var over = await client.PostAsync("create-secret", new JsonObject { ["name"] = "/over", ["value"] = new string('x', (16 * 1024) + 1) });

        atLimit.AssertStatus(HttpStatusCode.OK);
        Assert.Contains("larger than 16384 bytes", over.AssertStatus(HttpStatusCode.BadRequest).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdatesBeyondMaxVersions_PruneOldest()
    {
        await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/p", ["value"] = "v1" });
        for (var i = 2; i <= 5; i++)
        {
            (await Client.PostAsync("update-secret-val", new JsonObject { ["name"] = "/p", ["value"] = $"v{i}" })).AssertStatus(HttpStatusCode.OK);
        }

        var oldest = await Client.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray("/p"), ["version"] = 2 });
        var kept = await Client.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray("/p"), ["version"] = 3 });
        var describe = await Client.PostAsync("describe-item", new JsonObject { ["name"] = "/p" });

        oldest.AssertStatus(HttpStatusCode.NotFound);
        Assert.Equal("v3", kept.AssertStatus(HttpStatusCode.OK).Str("/p"));
        Assert.Equal(5, describe.Json!["last_version"]!.GetValue<int>());
    }

    [Fact]
    public async Task CreateBeyondMaxItems_Returns400()
    {
        for (var i = 0; i < 5; i++)
        {
            (await Client.PostAsync("create-secret", new JsonObject { ["name"] = $"/i{i}", ["value"] = "x" })).AssertStatus(HttpStatusCode.OK);
        }

        var r = await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/one-too-many", ["value"] = "x" });

        r.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("MaxItems", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NameOverMaxLength_Returns400()
    {
        var r = await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/" + new string('n', 1024), ["value"] = "x" });

        r.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("1024", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommands_ShareOneCounter()
    {
        for (var i = 0; i < 50; i++)
        {
            (await Client.PostRawAsync($"made-up-{i}-{new string('q', 500)}", "{}")).AssertStatus(HttpStatusCode.NotFound);
        }

        var counters = Emulator.Counters.Snapshot();

        Assert.Equal(50, counters[EmulatorCounters.UnknownCommand]);
        Assert.Equal(2, counters.Count);
    }
}
