using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;
using AkeylessSharp.Tests.Shared;

namespace AkeylessSharp.Emulator.Tests.Storage;

/// <summary>
/// A large seed applied to a data file is written in one transaction, not one synchronous commit per item
/// (5,000 items took 7.6 s that way, so a 100,000-item seed took minutes), and all of it survives a restart.
/// </summary>
public sealed class LargeSeedOnDataFileTests : IDisposable
{
    private const int Count = 5_000;
    private readonly TempDirectory _dir = new("akeyless-bigseed-");

    [Fact]
    public async Task StartAsync_SeedOf5000ItemsOntoADataFile_IsQuickAndEveryItemSurvivesARestart()
    {
        var seed = new JsonObject
        {
            ["items"] = new JsonArray(Enumerable.Range(0, Count).Select(i => (JsonNode)new JsonObject { ["name"] = $"/big/{i}", ["value"] = $"v{i}" }).ToArray()),
        }.ToJsonString();
        var options = new AkeylessEmulatorOptions { DataPath = _dir.File("emulator.db"), SeedJson = seed };

        var watch = Stopwatch.StartNew();
        await (await AkeylessEmulator.StartAsync(options)).DisposeAsync();
        var elapsed = watch.Elapsed;

        await using var restarted = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { DataPath = options.DataPath });
        using var client = await EmulatorClient.ConnectAsync(restarted);
        var list = await client.PostAsync("list-items", new JsonObject { ["path"] = "/big" });
        var last = await client.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray($"/big/{Count - 1}") });

        Assert.Equal(Count, list.AssertStatus(HttpStatusCode.OK).Json!["items"]!.AsArray().Count);
        Assert.Equal($"v{Count - 1}", last.AssertStatus(HttpStatusCode.OK).Str($"/big/{Count - 1}"));

        // Generous: one transaction takes well under a second here; one commit per item took 7.6 s.
        Assert.True(elapsed < TimeSpan.FromSeconds(4), $"the seeded start took {elapsed}");
    }

    public void Dispose() => _dir.Dispose();
}
