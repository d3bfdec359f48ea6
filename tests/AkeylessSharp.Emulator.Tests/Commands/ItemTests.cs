using System.Net;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;

namespace AkeylessSharp.Emulator.Tests.Commands;

public sealed class ItemTests : EmulatorTestBase
{
    [Fact]
    public async Task DescribeItem_StaticSecret_ReturnsFullItemShape()
    {
        await Client.PostAsync("create-secret", new JsonObject
        {
            ["name"] = "/prod/cfg", ["value"] = "{\"a\":1}", ["format"] = "json", ["description"] = "the config", ["tags"] = new JsonArray("env:prod"),
        });

        var r = await Client.PostAsync("describe-item", new JsonObject { ["name"] = "prod/cfg" });

        var item = r.AssertStatus(HttpStatusCode.OK).Json!;
        Assert.Equal("/prod/cfg", item["item_name"]!.GetValue<string>());
        Assert.Equal("STATIC_SECRET", item["item_type"]!.GetValue<string>());
        Assert.Equal("generic", item["item_sub_type"]!.GetValue<string>());
        Assert.Equal("the config", item["item_metadata"]!.GetValue<string>());
        Assert.Equal("env:prod", item["item_tags"]![0]!.GetValue<string>());
        Assert.Equal(1, item["last_version"]!.GetValue<int>());
        Assert.True(item["is_enabled"]!.GetValue<bool>());
        Assert.True(item["item_id"]!.GetValue<long>() > 0);
        Assert.False(string.IsNullOrEmpty(item["display_id"]!.GetValue<string>()));
        Assert.Equal("json", item["item_general_info"]!["static_secret_info"]!["format"]!.GetValue<string>());
        Assert.True(DateTimeOffset.TryParse(item["creation_date"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.Null(item["item_versions"]);
    }

    [Fact]
    public async Task DescribeItem_Missing_Returns404WithoutAccessWords()
    {
        var r = await Client.PostAsync("describe-item", new JsonObject { ["name"] = "/missing" });

        r.AssertStatus(HttpStatusCode.NotFound);
        foreach (var word in new[] { "unauthorized", "forbidden", "not allowed", "access denied", "permission denied", "not authorized" })
        {
            Assert.DoesNotContain(word, r.Error, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task DeleteItem_WholeItem_ThenDescribe404()
    {
        await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/gone", ["value"] = "x" });

        var r = await Client.PostAsync("delete-item", new JsonObject { ["name"] = "/gone", ["version"] = -1 });

        r.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("/gone", r.Str("item_name"));
        Assert.Equal(-1, r.Json!["version_deleted"]!.GetValue<int>());
        Assert.True(r.Json!["item_id"]!.GetValue<long>() > 0);
        (await Client.PostAsync("describe-item", new JsonObject { ["name"] = "/gone" })).AssertStatus(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeleteItem_OneVersion_KeepsOthers()
    {
        await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/ver", ["value"] = "one" });
        await Client.PostAsync("update-secret-val", new JsonObject { ["name"] = "/ver", ["value"] = "two" });

        var r = await Client.PostAsync("delete-item", new JsonObject { ["name"] = "/ver", ["version"] = 2 });
        var value = await Client.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray("/ver") });

        Assert.Equal(2, r.AssertStatus(HttpStatusCode.OK).Json!["version_deleted"]!.GetValue<int>());
        Assert.Equal("one", value.Str("/ver"));
    }

    [Fact]
    public async Task DeleteItem_VersionZero_DeletesTheLastVersionAndReportsIt()
    {
        await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/last", ["value"] = "one" });
        await Client.PostAsync("update-secret-val", new JsonObject { ["name"] = "/last", ["value"] = "two" });

        var r = await Client.PostAsync("delete-item", new JsonObject { ["name"] = "/last", ["version"] = 0 });
        var value = await Client.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray("/last") });
        var again = await Client.PostAsync("delete-item", new JsonObject { ["name"] = "/last", ["version"] = 0 });

        Assert.Equal(2, r.AssertStatus(HttpStatusCode.OK).Json!["version_deleted"]!.GetValue<int>());
        Assert.Equal("one", value.Str("/last"));
        Assert.Contains("version 2 of item /last not found", again.AssertStatus(HttpStatusCode.NotFound).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteItem_Missing_Returns404()
    {
        (await Client.PostAsync("delete-item", new JsonObject { ["name"] = "/missing" })).AssertStatus(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListItems_Path_ReturnsItemsAtAnyDepthAndImmediateFolders()
    {
        foreach (var name in new[] { "/prod/a", "/prod/db/b", "/prod/db/deep/c", "/prod/web/d", "/dev/e" })
        {
            await Client.PostAsync("create-secret", new JsonObject { ["name"] = name, ["value"] = "v" });
        }

        var r = await Client.PostAsync("list-items", new JsonObject { ["path"] = "/prod" });

        var json = r.AssertStatus(HttpStatusCode.OK).Json!;
        Assert.Equal(["/prod/a", "/prod/db/b", "/prod/db/deep/c", "/prod/web/d"], Names(json));
        Assert.Equal(["/prod/db", "/prod/web"], json["folders"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray());
        Assert.Equal("", json["next_page"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListItems_TypeFilterTagAndMinimalView_AreHonoured()
    {
        await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/x/static-one", ["value"] = "v", ["tags"] = new JsonArray("team:a") });
        await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/x/static-two", ["value"] = "v" });
        await Client.PostAsync("create-dynamic-secret", new JsonObject { ["name"] = "/x/dyn" });

        var byType = await Client.PostAsync("list-items", new JsonObject { ["path"] = "/x", ["type"] = new JsonArray("dynamic-secret") });
        var byFilter = await Client.PostAsync("list-items", new JsonObject { ["path"] = "/x", ["filter"] = "two" });
        var byTag = await Client.PostAsync("list-items", new JsonObject { ["tag"] = "team:a", ["minimal-view"] = true });
        var badType = await Client.PostAsync("list-items", new JsonObject { ["type"] = new JsonArray("spaceship") });

        Assert.Equal(["/x/dyn"], Names(byType.Json!));
        Assert.Equal(["/x/static-two"], Names(byFilter.Json!));
        Assert.Equal(["/x/static-one"], Names(byTag.Json!));
        Assert.Null(byTag.Json!["items"]![0]!["item_metadata"]);
        badType.AssertStatus(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task DescribeItem_ByItemId_FindsItem()
    {
        await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/by-id", ["value"] = "v" });
        var id = (await Client.PostAsync("describe-item", new JsonObject { ["name"] = "/by-id" })).Json!["item_id"]!.GetValue<long>();

        var r = await Client.PostAsync("describe-item", new JsonObject { ["item-id"] = id });

        Assert.Equal("/by-id", r.AssertStatus(HttpStatusCode.OK).Str("item_name"));
    }

    [Theory]
    [InlineData("create-secret", "   ")]
    [InlineData("create-secret", "/")]
    [InlineData("create-secret", " / ")]
    [InlineData("create-dynamic-secret", "/")]
    [InlineData("create-rotated-secret", "  ")]
    public async Task CreateItem_BlankOrRootName_Returns400AndCreatesNothing(string command, string name)
    {
        var body = new JsonObject { ["name"] = name, ["value"] = "v", ["rotator-type"] = "password", ["target-name"] = "t" };

        var r = await Client.PostAsync(command, body);

        r.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("parameter name", r.Error, StringComparison.Ordinal);
        var root = await Client.PostAsync("list-items", new JsonObject { ["path"] = "/" });
        Assert.DoesNotContain("/", Names(root.AssertStatus(HttpStatusCode.OK).Json!));
    }

    internal static string[] Names(JsonNode json) => json["items"]!.AsArray().Select(i => i!["item_name"]!.GetValue<string>()).ToArray();
}
