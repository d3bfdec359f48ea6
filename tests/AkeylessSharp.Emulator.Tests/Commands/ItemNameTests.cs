using System.Net;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;

namespace AkeylessSharp.Emulator.Tests.Commands;

/// <summary>A name ending in <c>/</c> is a folder path: no command creates an item under it, so no read finds one.</summary>
public sealed class ItemNameTests : EmulatorTestBase
{
    [Theory]
    [InlineData("create-secret", """{"name":"/a/b/","value":"v"}""")]
    [InlineData("create-secret", """{"name":"a/b//","value":"v"}""")]
    [InlineData("create-dynamic-secret", """{"name":"/a/b/"}""")]
    [InlineData("create-rotated-secret", """{"name":"/a/b/","rotator-type":"password","target-name":"/t"}""")]
    public async Task Create_NameEndingInSlash_Returns400SuggestingTheNameWithout(string command, string body)
    {
        var r = await Client.PostRawAsync(command, "{\"token\":\"" + Client.Token + "\"," + body[1..]);

        r.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("ends with '/'", r.Error, StringComparison.Ordinal);
        Assert.Contains("such as /a/b", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_NameEndingInSlash_LeavesNothingAReadOrListFinds()
    {
        await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/a/b/", ["value"] = "v" });

        var read = await Client.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray("/a/b/") });
        var list = await Client.PostAsync("list-items", new JsonObject { ["path"] = "/a" });

        read.AssertStatus(HttpStatusCode.NotFound);
        Assert.Empty(list.AssertStatus(HttpStatusCode.OK).Json!["items"]?.AsArray() ?? []);
    }

    [Fact]
    public async Task Seed_ItemNameEndingInSlash_FailsStartNamingIt()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions
        {
            SeedJson = """{"items":[{"name":"/seeded/","value":"v"}]}""",
        }));

        Assert.Contains("'/seeded/' ends with '/'", e.Message, StringComparison.Ordinal);
    }
}
