using System.Net;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;

namespace AkeylessSharp.Emulator.Tests.Commands;

public sealed class PaginationTests : EmulatorTestBase
{
    protected override AkeylessEmulatorOptions CreateOptions() => new() { DefaultPageSize = 2 };

    [Fact]
    public async Task ListItems_AutoPaginationDisabled_ChainsNextPageTokens()
    {
        for (var i = 1; i <= 5; i++)
        {
            await Client.PostAsync("create-secret", new JsonObject { ["name"] = $"/p/s{i}", ["value"] = "v" });
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        for (; pages < 10; pages++)
        {
            var body = new JsonObject { ["path"] = "/p", ["auto-pagination"] = "disabled" };
            if (token is not null)
            {
                body["pagination-token"] = token;
            }

            var json = (await Client.PostAsync("list-items", body)).AssertStatus(HttpStatusCode.OK).Json!;
            seen.AddRange(ItemTests.Names(json));
            token = json["next_page"]!.GetValue<string>();
            if (token.Length == 0)
            {
                break;
            }
        }

        Assert.Equal(2, pages);
        Assert.Equal(["/p/s1", "/p/s2", "/p/s3", "/p/s4", "/p/s5"], seen);
    }

    [Fact]
    public async Task ListItems_AutoPaginationEnabled_ReturnsEverything()
    {
        for (var i = 1; i <= 5; i++)
        {
            await Client.PostAsync("create-secret", new JsonObject { ["name"] = $"/q/s{i}", ["value"] = "v" });
        }

        var json = (await Client.PostAsync("list-items", new JsonObject { ["path"] = "/q" })).Json!;

        Assert.Equal(5, ItemTests.Names(json).Length);
        Assert.Equal("", json["next_page"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListItems_BadPaginationToken_Returns400()
    {
        var r = await Client.PostAsync("list-items", new JsonObject { ["pagination-token"] = "garbage" });

        r.AssertStatus(HttpStatusCode.BadRequest);
    }
}
