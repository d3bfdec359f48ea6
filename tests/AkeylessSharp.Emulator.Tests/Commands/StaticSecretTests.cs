using System.Net;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;

namespace AkeylessSharp.Emulator.Tests.Commands;

public sealed class StaticSecretTests : EmulatorTestBase
{
    [Fact]
    public async Task CreateSecret_ThenGetSecretValue_ReturnsValueKeyedByRequestedName()
    {
        (await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/prod/db/password", ["value"] = "s3cr3t" }))
            .AssertStatus(HttpStatusCode.OK);

        var r = await Client.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray("/prod/db/password", "prod/db/password") });

        r.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("s3cr3t", r.Str("/prod/db/password"));
        Assert.Equal("s3cr3t", r.Str("prod/db/password"));
    }

    [Theory]
    [InlineData("create-secret", "/blank/new")]
    [InlineData("update-secret-val", "/blank/existing")]
    public async Task WriteSecret_EmptyValue_Returns400NamingIt_WhiteSpaceIsStoredAsGiven(string command, string name)
    {
        (await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/blank/existing", ["value"] = "v1" })).AssertStatus(HttpStatusCode.OK);

        var empty = await Client.PostAsync(command, new JsonObject { ["name"] = name, ["value"] = "" });
        var blank = await Client.PostAsync(command, new JsonObject { ["name"] = name, ["value"] = " \n " });

        empty.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("value", empty.Error, StringComparison.Ordinal);
        blank.AssertStatus(HttpStatusCode.OK);
        var read = await Client.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray(name) });
        Assert.Equal(" \n ", read.Str(name));
    }

    [Fact]
    public async Task CreateSecret_ResponseEchoesNormalizedName()
    {
        var r = await Client.PostAsync("create-secret", new JsonObject { ["name"] = "app/key", ["value"] = "v", ["json"] = false });

        r.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("/app/key", r.Str("name"));
    }

    [Fact]
    public async Task CreateSecret_ExistingName_Returns409()
    {
        await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/dup", ["value"] = "1" });

        var r = await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/dup", ["value"] = "2" });

        r.AssertStatus(HttpStatusCode.Conflict);
        Assert.Contains("already exists", r.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json", "not json")]
    [InlineData("key-value", "[1,2]")]
    [InlineData("key-value", "{\"a\":1}")]
    public async Task CreateSecret_ValueNotMatchingFormat_Returns400(string format, string value)
    {
        var r = await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/f", ["value"] = value, ["format"] = format });

        r.AssertStatus(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task CreateSecret_UnknownFormat_Returns400NamingField()
    {
        var r = await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/f", ["value"] = "x", ["format"] = "yaml" });

        r.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("format", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSecretValue_OneNameMissing_Returns404ForWholeCall()
    {
        await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/a", ["value"] = "1" });

        var r = await Client.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray("/a", "/missing") });

        r.AssertStatus(HttpStatusCode.NotFound);
        Assert.DoesNotContain("unauthorized", r.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("denied", r.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("forbidden", r.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UpdateSecretVal_AddsVersion_SpecificVersionStillReadable()
    {
        await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/v", ["value"] = "one" });
        (await Client.PostAsync("update-secret-val", new JsonObject { ["name"] = "/v", ["value"] = "two" })).AssertStatus(HttpStatusCode.OK);

        var latest = await Client.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray("/v") });
        var first = await Client.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray("/v"), ["version"] = 1 });
        var describe = await Client.PostAsync("describe-item", new JsonObject { ["name"] = "/v", ["show-versions"] = true });

        Assert.Equal("two", latest.Str("/v"));
        Assert.Equal("one", first.Str("/v"));
        Assert.Equal(2, describe.Json!["last_version"]!.GetValue<int>());
        Assert.Equal(2, describe.Json!["item_versions"]!.AsArray().Count);
    }

    [Fact]
    public async Task UpdateSecretVal_KeepPrevVersionFalse_DropsOldVersions()
    {
        await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/k", ["value"] = "one" });
        await Client.PostAsync("update-secret-val", new JsonObject { ["name"] = "/k", ["value"] = "two", ["keep-prev-version"] = "false" });

        var old = await Client.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray("/k"), ["version"] = 1 });
        var describe = await Client.PostAsync("describe-item", new JsonObject { ["name"] = "/k", ["show-versions"] = true });

        old.AssertStatus(HttpStatusCode.NotFound);
        Assert.Equal(2, describe.Json!["last_version"]!.GetValue<int>());
        Assert.Single(describe.Json!["item_versions"]!.AsArray());
    }

    [Fact]
    public async Task UpdateSecretVal_MissingItem_Returns404()
    {
        var r = await Client.PostAsync("update-secret-val", new JsonObject { ["name"] = "/nope", ["value"] = "x" });

        r.AssertStatus(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UpdateSecretVal_FiftyParallelUpdates_LoseNothing()
    {
        await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/race", ["value"] = "0" });

        var updates = Enumerable.Range(1, 50).Select(i =>
            Client.PostAsync("update-secret-val", new JsonObject { ["name"] = "/race", ["value"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        var results = await Task.WhenAll(updates);

        Assert.All(results, r => r.AssertStatus(HttpStatusCode.OK));
        var describe = await Client.PostAsync("describe-item", new JsonObject { ["name"] = "/race" });
        Assert.Equal(51, describe.Json!["last_version"]!.GetValue<int>());
    }
}
