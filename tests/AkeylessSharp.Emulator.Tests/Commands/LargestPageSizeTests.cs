using System.Net;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;

namespace AkeylessSharp.Emulator.Tests.Commands;

/// <summary>The largest page size the options (and <c>--page-size</c>) accept: one more than a page used to wrap to a negative count.</summary>
public sealed class LargestPageSizeTests : EmulatorTestBase
{
    protected override AkeylessEmulatorOptions CreateOptions() => new() { DefaultPageSize = int.MaxValue };

    [Fact]
    public async Task ListItems_AutoPaginationDisabled_ReturnsEveryItemOnOnePage()
    {
        await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/big/a", ["value"] = "v" });
        await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/big/b", ["value"] = "v" });

        var json = (await Client.PostAsync("list-items", new JsonObject { ["path"] = "/big", ["auto-pagination"] = "disabled" }))
            .AssertStatus(HttpStatusCode.OK).Json!;

        Assert.Equal(["/big/a", "/big/b"], ItemTests.Names(json));
        Assert.Equal("", json["next_page"]!.GetValue<string>());
    }
}
