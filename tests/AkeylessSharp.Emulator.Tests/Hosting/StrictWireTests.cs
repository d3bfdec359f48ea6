using System.Net;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;

namespace AkeylessSharp.Emulator.Tests.Hosting;

/// <summary>Strict wire mode: field names and JSON types as the official SDK's request models declare them.</summary>
public sealed class StrictWireTests : EmulatorTestBase
{
    protected override AkeylessEmulatorOptions CreateOptions() => new() { StrictWire = true };

    [Fact]
    public async Task SdkShapedRequests_Succeed()
    {
        await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/s", ["value"] = "v", ["tags"] = new JsonArray("a"), ["json"] = false });

        var get = await Client.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray("/s"), ["ignore-cache"] = "true", ["version"] = 1 });
        var describe = await Client.PostAsync("describe-item", new JsonObject { ["name"] = "/s", ["show-versions"] = true });
        var list = await Client.PostAsync("list-items", new JsonObject { ["type"] = new JsonArray("static-secret"), ["minimal-view"] = true, ["auto-pagination"] = "enabled" });

        var goSpelling = await Client.PostAsync("list-items", new JsonObject { ["sub_types"] = new JsonArray("generic") });

        Assert.Equal("v", get.AssertStatus(HttpStatusCode.OK).Str("/s"));
        goSpelling.AssertStatus(HttpStatusCode.OK);
        describe.AssertStatus(HttpStatusCode.OK);
        list.AssertStatus(HttpStatusCode.OK);
    }

    // akeyless-python 5.0.33's ListItems sends ara-only (default False) on every call; its CreateSecret has fields the npm 5.0.23 model lacks.
    [Fact]
    public async Task PythonSdk5_0_33_Fields_Succeed()
    {
        var create = await Client.PostAsync("create-secret", new JsonObject
        {
            ["name"] = "/py", ["value"] = "v", ["type"] = "generic", ["ara-enabled"] = false, ["input-rule"] = new JsonArray("r"),
            ["secure-access-enforce-hosts-restriction"] = false, ["target"] = new JsonArray("t"), ["json"] = false,
        });
        var list = await Client.PostAsync("list-items", new JsonObject
        {
            ["accessibility"] = "regular", ["ara-only"] = false, ["auto-pagination"] = "enabled", ["current-folder"] = false, ["json"] = false, ["sra-only"] = false,
        });

        create.AssertStatus(HttpStatusCode.OK);
        list.AssertStatus(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("get-secret-value", "{\"names\":[\"/s\"],\"ignore_cache\":\"true\"}", "unknown parameter ignore_cache")]
    [InlineData("get-secret-value", "{\"names\":[\"/s\"],\"ignore-cache\":true}", "ignore-cache")]
    [InlineData("get-secret-value", "{\"names\":[\"/s\"],\"version\":\"1\"}", "version")]
    [InlineData("describe-item", "{\"name\":\"/s\",\"show-versions\":\"true\"}", "show-versions")]
    [InlineData("list-items", "{\"type\":\"static-secret\"}", "type")]
    [InlineData("create-secret", "{\"name\":\"/n\",\"value\":\"v\",\"tags\":[1]}", "tags")]
    [InlineData("uid-generate-token", "{\"auth-method-name\":\"/u\",\"ttl\":60}", "unknown parameter ttl")]
    public async Task UnknownOrWronglyTypedField_Returns400NamingIt(string command, string body, string expected)
    {
        var r = await Client.PostRawAsync(command, "{\"token\":\"" + Client.Token + "\"," + body[1..]);

        r.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains(expected, r.Error, StringComparison.Ordinal);
        Assert.Contains("strict wire mode", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LenientByDefault_AcceptsTheSameRequests()
    {
        await using var lenient = await AkeylessEmulator.StartAsync();
        using var client = new EmulatorClient(lenient.BaseUrl);
        await client.LoginAsync(lenient.AccessId, lenient.AccessKey);
        await client.PostAsync("create-secret", new JsonObject { ["name"] = "/s", ["value"] = "v" });

        var r = await client.PostRawAsync("describe-item", "{\"token\":\"" + client.Token + "\",\"name\":\"/s\",\"show-versions\":\"true\",\"future\":1}");

        r.AssertStatus(HttpStatusCode.OK);
    }
}
