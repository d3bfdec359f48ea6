using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AkeylessSharp.Emulator.Tests.Infrastructure;

namespace AkeylessSharp.Emulator.Tests.Hosting;

/// <summary>The inputs the issue found answered with 500: each is now a 400 (or 401 for a bad credential) naming the problem.</summary>
public sealed class MalformedInputTests : EmulatorTestBase
{
    protected override AkeylessEmulatorOptions CreateOptions() => new()
    {
        SeedJson = """
            { "authMethods": [
              { "name": "/azure", "accessId": "p-azuremethod0z0", "type": "azure_ad", "azureAd": { "tenantIds": ["tenant-1"] } },
              { "name": "/gcp", "accessId": "p-gcpmethod000g0", "type": "gcp", "gcp": { "serviceAccounts": ["svc@proj.iam.gserviceaccount.com"] } },
              { "name": "/jwt", "accessId": "p-jwtmethod000o0", "type": "jwt", "jwt": { "issuer": "https://issuer.test", "publicKeys": [] } } ] }
            """,
    };

    [Theory]
    [InlineData(new byte[] { 0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x73, 0x22, 0x3a, 0x5b, 0x22, 0xff, 0x22, 0x5d, 0x7d })]
    [InlineData(new byte[] { 0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d })]
    public async Task InvalidUtf8_Returns400(byte[] body)
    {
        var r = await PostBytesAsync("get-secret-value", body);

        r.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("UTF-8", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoneSurrogateEscape_Returns400NamingField()
    {
        var r = await Client.PostRawAsync("get-secret-value", "{\"token\":\"" + Client.Token + "\",\"names\":[\"\\ud800\"]}");

        r.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("names[0]", r.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"names\":[\"/x\"]} GARBAGE")]
    [InlineData("{\"names\":[\"/x\"]}{\"names\":[\"/y\"]}")]
    public async Task TrailingData_Returns400(string body)
    {
        var r = await Client.PostRawAsync("get-secret-value", body);

        r.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("malformed", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeepNesting_Returns400()
    {
        var r = await Client.PostRawAsync("list-items", "{\"x\":" + new string('[', 200) + new string(']', 200) + "}");

        r.AssertStatus(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("azure_ad", "p-azuremethod0z0", "{\"exp\":1e20,\"tid\":\"tenant-1\"}")]
    [InlineData("gcp", "p-gcpmethod000g0", "{\"exp\":-1e300,\"aud\":\"akeyless.io\"}")]
    [InlineData("azure_ad", "p-azuremethod0z0", "{\"exp\":9.9e999}")]
    public async Task AbsurdClaimNumbers_Return401(string type, string accessId, string claims)
    {
        var jwt = TestJwt.B64Url("{\"alg\":\"RS256\"}"u8.ToArray()) + "." + TestJwt.B64Url(Encoding.UTF8.GetBytes(claims)) + ".c2ln";

        var r = await Client.PostRawAsync("auth", $"{{\"access-type\":\"{type}\",\"access-id\":\"{accessId}\",\"cloud-id\":\"{jwt}\"}}");

        Assert.True(r.Status is HttpStatusCode.Unauthorized or HttpStatusCode.OK, $"got {(int)r.Status}: {r.Text}");
    }

    [Theory]
    [InlineData("{\"typ\":\"JWT\"}")]
    [InlineData("{\"alg\":\"R\"}")]
    [InlineData("{\"alg\":\"\"}")]
    [InlineData("{\"alg\":\"\\ud800\"}")]
    public async Task JwtHeaderWithoutUsableAlg_Returns401(string header)
    {
        var jwt = TestJwt.B64Url(Encoding.UTF8.GetBytes(header)) + "." + TestJwt.B64Url("{\"exp\":4102444800}"u8.ToArray()) + ".c2ln";

        var r = await Client.PostRawAsync("auth", $"{{\"access-type\":\"jwt\",\"access-id\":\"p-jwtmethod000o0\",\"jwt\":\"{jwt}\"}}");

        r.AssertStatus(HttpStatusCode.Unauthorized);
        Assert.Contains("jwt", r.Error, StringComparison.Ordinal);
    }

    private async Task<ApiResponse> PostBytesAsync(string command, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await Client.Http.PostAsync(command, content);
        var text = await response.Content.ReadAsStringAsync();
        return new ApiResponse(response.StatusCode, System.Text.Json.Nodes.JsonNode.Parse(text), text, null);
    }
}
