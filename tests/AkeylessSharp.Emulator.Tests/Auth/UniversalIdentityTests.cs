using System.Net;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;

namespace AkeylessSharp.Emulator.Tests.Auth;

public sealed class UniversalIdentityTests : EmulatorTestBase
{
    protected override AkeylessEmulatorOptions CreateOptions() => new()
    {
        SeedJson = """
        {
          "authMethods": [ { "name": "/uid/app", "type": "universal_identity" } ],
          "roles": [ { "name": "uid-readers", "authMethods": ["/uid/app"], "rules": [ { "path": "/app/*", "capabilities": ["read", "list"] } ] } ],
          "items": [ { "name": "/app/secret", "value": "from-uid" } ],
          "uidTokens": [ { "token": "u-seededtoken", "authMethod": "/uid/app" } ]
        }
        """,
    };

    [Fact]
    public async Task UidGenerateToken_ThenUseAsUidToken_ReadsSecret()
    {
        var generated = await Client.PostAsync("uid-generate-token", new JsonObject { ["auth-method-name"] = "/uid/app" });
        generated.AssertStatus(HttpStatusCode.OK);
        var uid = generated.Str("token");
        Assert.StartsWith("u-", uid, StringComparison.Ordinal);

        using var app = new EmulatorClient(Emulator.BaseUrl);
        var r = await app.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray("/app/secret"), ["uid-token"] = uid });

        Assert.Equal("from-uid", r.AssertStatus(HttpStatusCode.OK).Str("/app/secret"));
    }

    // The official UidGenerateToken model has no ttl: the token lives as long as the auth method says.
    [Fact]
    public async Task UidGenerateToken_Ttl_IsNoFieldOfTheCommand_IgnoredLikeAnyUnknownOne()
    {
        var r = await Client.PostAsync("uid-generate-token", new JsonObject { ["auth-method-name"] = "/uid/app", ["ttl"] = "not-a-number" });

        Assert.StartsWith("u-", r.AssertStatus(HttpStatusCode.OK).Str("token"), StringComparison.Ordinal);
    }

    // uid-token: the Python, C# and JavaScript SDKs' Auth model; uid_token: the Go SDK's v4 Auth model.
    [Theory]
    [InlineData("uid-token")]
    [InlineData("uid_token")]
    public async Task Auth_UniversalIdentity_SeededToken_ReturnsApiToken_InEitherSdkSpelling(string field)
    {
        var r = await Client.PostAsync("auth", new JsonObject { ["access-type"] = "universal_identity", [field] = "u-seededtoken" }, withToken: false);

        Assert.StartsWith("t-", r.AssertStatus(HttpStatusCode.OK).Str("token"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UidRotateToken_OldTokenInvalid_NewTokenWorks()
    {
        var rotated = await Client.PostAsync("uid-rotate-token", new JsonObject { ["uid-token"] = "u-seededtoken" }, withToken: false);
        var fresh = rotated.AssertStatus(HttpStatusCode.OK).Str("token");

        var old = await Client.PostAsync("list-items", new JsonObject { ["uid-token"] = "u-seededtoken" }, withToken: false);
        var now = await Client.PostAsync("list-items", new JsonObject { ["uid-token"] = fresh }, withToken: false);

        old.AssertStatus(HttpStatusCode.Unauthorized);
        now.AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task UidToken_OutsideRolePath_Returns403AccessDenied()
    {
        await Client.PostAsync("create-secret", new JsonObject { ["name"] = "/other/secret", ["value"] = "x" });

        var r = await Client.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray("/other/secret"), ["uid-token"] = "u-seededtoken" }, withToken: false);

        r.AssertStatus(HttpStatusCode.Forbidden);
        Assert.Contains("access denied", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UidGenerateToken_UnknownMethod_Returns404()
    {
        var r = await Client.PostAsync("uid-generate-token", new JsonObject { ["auth-method-name"] = "/nope" });

        r.AssertStatus(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DescribePermissions_LimitedRole_ReturnsOnlyGrantedCapabilities()
    {
        using var app = new EmulatorClient(Emulator.BaseUrl) { Token = null };
        var inside = await app.PostAsync("describe-permissions", new JsonObject { ["path"] = "/app/secret", ["type"] = "item", ["uid-token"] = "u-seededtoken" });
        var outside = await app.PostAsync("describe-permissions", new JsonObject { ["path"] = "/other", ["type"] = "item", ["uid-token"] = "u-seededtoken" });
        var admin = await Client.PostAsync("describe-permissions", new JsonObject { ["path"] = "/anything", ["type"] = "item" });

        Assert.Equal(["list", "read"], inside.AssertStatus(HttpStatusCode.OK).Json!["client_permissions"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray());
        Assert.Empty(outside.AssertStatus(HttpStatusCode.OK).Json!["client_permissions"]!.AsArray());
        Assert.Equal(5, admin.AssertStatus(HttpStatusCode.OK).Json!["client_permissions"]!.AsArray().Count);
    }

    [Fact]
    public async Task DescribePermissions_UnknownType_Returns400()
    {
        var r = await Client.PostAsync("describe-permissions", new JsonObject { ["path"] = "/x", ["type"] = "galaxy" });

        r.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("type", r.Error, StringComparison.Ordinal);
    }
}
