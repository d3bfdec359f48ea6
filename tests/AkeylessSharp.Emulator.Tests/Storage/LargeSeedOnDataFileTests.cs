using System.Net;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;
using AkeylessSharp.Tests.Shared;

namespace AkeylessSharp.Emulator.Tests.Storage;

/// <summary>
/// A large seed applied to a data file (written in one transaction since dedfada; one synchronous commit per item took
/// 7.1–7.6 s for these 5,000 items, 0.4–0.5 s after, measured by hand: a figure, not something a test asserts) all
/// survives a restart.
/// </summary>
public sealed class LargeSeedOnDataFileTests : IDisposable
{
    private const int Count = 5_000;
    private readonly TempDirectory _dir = new("akeyless-bigseed-");

    [Fact]
    public async Task StartAsync_SeedOf5000ItemsOntoADataFile_EveryItemSurvivesARestart()
    {
        var seed = new JsonObject
        {
            ["items"] = new JsonArray(Enumerable.Range(0, Count).Select(i => (JsonNode)new JsonObject { ["name"] = $"/big/{i}", ["value"] = $"v{i}" }).ToArray()),
        }.ToJsonString();
        var options = new AkeylessEmulatorOptions { DataPath = _dir.File("emulator.db"), SeedJson = seed };

        await (await AkeylessEmulator.StartAsync(options)).DisposeAsync();

        await using var restarted = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { DataPath = options.DataPath });
        using var client = await EmulatorClient.ConnectAsync(restarted);
        var list = await client.PostAsync("list-items", new JsonObject { ["path"] = "/big" });
        var last = await client.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray($"/big/{Count - 1}") });

        Assert.Equal(Count, list.AssertStatus(HttpStatusCode.OK).Json!["items"]!.AsArray().Count);
        Assert.Equal($"v{Count - 1}", last.AssertStatus(HttpStatusCode.OK).Str($"/big/{Count - 1}"));
    }

    public void Dispose() => _dir.Dispose();
}
