using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;

namespace AkeylessSharp.Emulator.Tests.Hosting;

/// <summary>Seeds applied in one write: every item served, the first of a duplicated name kept, the item limit checked first.</summary>
public sealed class LargeSeedTests
{
    [Fact]
    public async Task StartAsync_SeedOf20000Items_ServesEveryOne()
    {
        const int Count = 20_000;
        await using var emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { SeedJson = Seed(Count) });
        using var client = new EmulatorClient(emulator.BaseUrl);
        await client.LoginAsync(emulator.AccessId, emulator.AccessKey);

        var list = await client.PostAsync("list-items", new JsonObject { ["path"] = "/big" });
        var values = await client.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray("/big/s00000", "/big/s09999", "/big/s19999") });

        Assert.Equal(Count, list.AssertStatus(HttpStatusCode.OK).Json!["items"]!.AsArray().Count);
        values.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("v0", values.Str("/big/s00000"));
        Assert.Equal("v9999", values.Str("/big/s09999"));
        Assert.Equal("v19999", values.Str("/big/s19999"));
    }

    [Fact]
    public async Task StartAsync_SeedNamingAnItemTwice_FailsNamingBothEntries()
    {
        // Keeping the first silently dropped the second value; the author meant one of them, so the seed says which clash.
        var seed = """{ "items": [ { "name": "/d", "type": "static", "value": "first" }, { "name": "/d", "type": "static", "value": "second" } ] }""";

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { SeedJson = seed }));

        Assert.Contains("item '/d' appears twice (items[0] and items[1])", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("second", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_SeedOverMaxItems_FailsNamingTheLimit()
    {
        // InvalidOperationException like every other bad seed (it was the emulator's internal 400 exception, which crashed the tool).
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { SeedJson = Seed(6), MaxItems = 5 }));

        Assert.Contains("MaxItems", e.Message, StringComparison.Ordinal);
    }

    private static string Seed(int count) => JsonSerializer.Serialize(new JsonObject
    {
        ["items"] = new JsonArray(Enumerable.Range(0, count)
            .Select(i => (JsonNode)new JsonObject { ["name"] = string.Create(CultureInfo.InvariantCulture, $"/big/s{i:D5}"), ["type"] = "static", ["value"] = string.Create(CultureInfo.InvariantCulture, $"v{i}") })
            .ToArray()),
    });
}
