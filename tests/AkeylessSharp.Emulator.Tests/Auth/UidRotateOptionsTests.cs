using System.Net;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;

namespace AkeylessSharp.Emulator.Tests.Auth;

/// <summary>
/// The <c>uid-rotate-token</c> options of the official UidRotateToken model (Go, Python, JavaScript SDKs): <c>fork</c>
/// "creates a new child token", <c>with-manual-ack</c> "disables automatic ack", <c>send-manual-ack-token</c> is
/// "the new rotated token to send manual ack for (with uid-token = the original token)".
/// </summary>
public sealed class UidRotateOptionsTests : EmulatorTestBase
{
    private const string Original = "u-optionstoken";

    protected override AkeylessEmulatorOptions CreateOptions() => new()
    {
        SeedJson = $$"""
        {
          "authMethods": [ { "name": "/uid/app", "type": "universal_identity" } ],
          "roles": [ { "name": "uid-readers", "authMethods": ["/uid/app"], "rules": [ { "path": "/app/*", "capabilities": ["read", "list"] } ] } ],
          "items": [ { "name": "/app/secret", "value": "from-uid" } ],
          "uidTokens": [ { "token": "{{Original}}", "authMethod": "/uid/app" } ]
        }
        """,
    };

    [Fact]
    public async Task Fork_ReturnsAChildToken_AndTheOriginalStaysValid()
    {
        var child = (await RotateAsync(new JsonObject { ["uid-token"] = Original, ["fork"] = true })).AssertStatus(HttpStatusCode.OK).Str("token");

        Assert.NotEqual(Original, child);
        (await ReadAsync(Original)).AssertStatus(HttpStatusCode.OK);
        (await ReadAsync(child)).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task WithManualAck_OriginalStaysValid_UntilTheAck_WhichRevokesIt()
    {
        var rotated = (await RotateAsync(new JsonObject { ["uid-token"] = Original, ["with-manual-ack"] = true })).AssertStatus(HttpStatusCode.OK).Str("token");
        (await ReadAsync(Original)).AssertStatus(HttpStatusCode.OK);
        (await ReadAsync(rotated)).AssertStatus(HttpStatusCode.OK);

        var ack = await RotateAsync(new JsonObject { ["uid-token"] = Original, ["send-manual-ack-token"] = rotated });

        Assert.Equal(rotated, ack.AssertStatus(HttpStatusCode.OK).Str("token"));
        (await ReadAsync(Original)).AssertStatus(HttpStatusCode.Unauthorized);
        (await ReadAsync(rotated)).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SendManualAckToken_NotARotationOfTheToken_Returns400_AndRevokesNothing()
    {
        var unrelated = (await RotateAsync(new JsonObject { ["uid-token"] = Original, ["fork"] = true })).AssertStatus(HttpStatusCode.OK).Str("token");

        var ack = await RotateAsync(new JsonObject { ["uid-token"] = Original, ["send-manual-ack-token"] = unrelated });

        ack.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("send-manual-ack-token", ack.Error, StringComparison.Ordinal);
        (await ReadAsync(Original)).AssertStatus(HttpStatusCode.OK);
        (await ReadAsync(unrelated)).AssertStatus(HttpStatusCode.OK);
    }

    private Task<ApiResponse> RotateAsync(JsonObject body) => Client.PostAsync("uid-rotate-token", body, withToken: false);

    private Task<ApiResponse> ReadAsync(string uidToken) =>
        Client.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray("/app/secret"), ["uid-token"] = uidToken }, withToken: false);
}
