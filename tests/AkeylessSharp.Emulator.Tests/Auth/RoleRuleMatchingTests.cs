using System.Net;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;

namespace AkeylessSharp.Emulator.Tests.Auth;

/// <summary>
/// A rule's <c>*</c> matches any run of characters, line breaks included (a regular expression's <c>.</c> stops at
/// a line feed), and the rule matches the whole path.
/// </summary>
public sealed class RoleRuleMatchingTests : EmulatorTestBase
{
    protected override AkeylessEmulatorOptions CreateOptions() => new()
    {
        SeedJson = """
        {
          "authMethods": [ { "name": "/uid/app", "type": "universal_identity" } ],
          "roles": [ { "name": "public-readers", "authMethods": ["/uid/app"], "rules": [ { "path": "/app/*/public", "capabilities": ["read"] } ] } ],
          "uidTokens": [ { "token": "u-ruletest", "authMethod": "/uid/app" } ]
        }
        """,
    };

    [Theory]
    [InlineData("/app/x/public", new[] { "read" })]
    [InlineData("/app/x/public\nmore", new string[0])]
    [InlineData("/app/line\nbreak/public", new[] { "read" })]
    public async Task DescribePermissions_RuleWithStar_MatchesTheWholePathAcrossLineBreaks(string path, string[] expected)
    {
        var r = await Client.PostAsync("describe-permissions", new JsonObject { ["path"] = path, ["type"] = "item", ["uid-token"] = "u-ruletest" }, withToken: false);

        Assert.Equal(expected, r.AssertStatus(HttpStatusCode.OK).Json!["client_permissions"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public async Task CreateSecret_NameWithALineBreak_IsCoveredByTheDevelopmentCredentialsRootRule()
    {
        var r = await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/multi\nline", ["value"] = "v" });
        var read = await Client.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray("/multi\nline") });

        r.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("v", read.AssertStatus(HttpStatusCode.OK).Str("/multi\nline"));
    }
}
