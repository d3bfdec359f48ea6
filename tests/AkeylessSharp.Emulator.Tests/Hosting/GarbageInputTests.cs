using System.Net;
using AkeylessSharp.Emulator.Tests.Infrastructure;

namespace AkeylessSharp.Emulator.Tests.Hosting;

public sealed class GarbageInputTests : EmulatorTestBase
{
    public static readonly string[] Commands =
    [
        "auth", "static-creds-auth", "get-cert-challenge", "get-secret-value", "get-dynamic-secret-value", "get-rotated-secret-value",
        "rotate-secret", "describe-item", "list-items", "create-secret", "update-secret-val", "delete-item", "create-dynamic-secret",
        "create-rotated-secret", "uid-generate-token", "uid-rotate-token", "describe-permissions", "get-ssh-certificate", "gateway-rotate-secret",
    ];

    private static readonly string[] Bodies =
    [
        "", "{", "[]", "42", "null", "\"str\"", "{\"names\":5}", "{\"name\":[1]}", "{\"version\":\"abc\"}", "{\"access-type\":7}",
        "{\"names\":[null]}", "{\"type\":{}}", "{\"cloud-id\":\"!!!\",\"access-type\":\"aws_iam\",\"access-id\":\"p-x\"}",
        "{\"access-type\":\"jwt\",\"jwt\":\"a.b.c\"}", "{\"uid-token\":\"u-nope\"}", "{\"public-key-data\":123}",
        "{\"json\":\"yes\",\"names\":[\"/x\"],\"name\":\"/x\",\"value\":1}", "\u0000\u0001binary",
    ];

    [Fact]
    public async Task EveryCommand_GarbageBodies_NeverReturns500()
    {
        foreach (var command in Commands)
        {
            foreach (var body in Bodies)
            {
                foreach (var withToken in new[] { false, true })
                {
                    var raw = withToken && body.StartsWith("{\"", StringComparison.Ordinal) ? "{\"token\":\"" + Client.Token + "\"," + body[1..] : body;
                    var r = await Client.PostRawAsync(command, raw);
                    Assert.True((int)r.Status < 500, $"{command} with {raw} returned {(int)r.Status}: {r.Text}");
                    Assert.True((int)r.Status < 400 || r.Error.Length > 0, $"{command} with {raw} returned no error message: {r.Text}");
                }
            }
        }
    }

    [Fact]
    public async Task MalformedJson_Returns400()
    {
        var r = await Client.PostRawAsync("get-secret-value", "{not json");

        r.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("malformed", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongFieldType_Returns400NamingField()
    {
        var r = await Client.PostRawAsync("get-secret-value", $"{{\"token\":\"{Client.Token}\",\"names\":\"/not-an-array\"}}");

        r.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("names", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingRequiredField_Returns400NamingField()
    {
        var r = await Client.PostRawAsync("create-secret", $"{{\"token\":\"{Client.Token}\",\"name\":\"/x\"}}");

        r.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("value", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownFields_AreIgnored()
    {
        var r = await Client.PostRawAsync("list-items", $"{{\"token\":\"{Client.Token}\",\"json\":false,\"future-field\":{{\"x\":[1,2]}}}}");

        r.AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task UnknownCommand_Returns404()
    {
        var r = await Client.PostRawAsync("launch-rockets", "{}");

        r.AssertStatus(HttpStatusCode.NotFound);
        Assert.Contains("unknown command", r.Error, StringComparison.Ordinal);
    }
}
