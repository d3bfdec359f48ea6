using System.Net;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace AkeylessSharp.Emulator.Tests.Auth;

public sealed class AwsIamAuthTests : EmulatorTestBase
{
    private const string KeyId = "AKIAEMULATORTEST0001";
    private const string Secret = "emulator/secret/access/key/0000000000000";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero));

    protected override AkeylessEmulatorOptions CreateOptions() => new()
    {
        TimeProvider = _clock,
        SeedJson = $$"""
        { "authMethods": [ { "name": "/aws", "accessId": "p-awsmethod000w0", "type": "aws_iam",
            "awsIam": { "credentials": [ { "accessKeyId": "{{KeyId}}", "secretAccessKey": "{{Secret}}", "arn": "arn:aws:iam::123456789012:role/app" } ],
                        "boundAccountIds": ["123456789012"] } } ] }
        """,
    };

    private Task<ApiResponse> AuthAsync(string cloudId) => Client.PostAsync("auth", new JsonObject
    {
        ["access-id"] = "p-awsmethod000w0", ["access-type"] = "aws_iam", ["cloud-id"] = cloudId,
    }, withToken: false);

    [Fact]
    public async Task AwsIam_CorrectlySignedCloudId_ReturnsToken()
    {
        (await AuthAsync(TestSigV4.CloudId(KeyId, Secret, _clock.GetUtcNow()))).AssertStatus(HttpStatusCode.OK);
        (await AuthAsync(TestSigV4.CloudId(KeyId, Secret, _clock.GetUtcNow(), sessionToken: "session-token"))).AssertStatus(HttpStatusCode.OK);
    }

    // A validly signed request proves identity only if it is GetCallerIdentity sent to STS: any other signed call
    // (captured from logs, or one the holder would never replay) must not log in.
    [Theory]
    [InlineData("Action=AssumeRole&Version=2011-06-15&RoleArn=arn:aws:iam::123456789012:role/x&RoleSessionName=s", "sts.amazonaws.com", "GetCallerIdentity")]
    [InlineData("Action=GetCallerIdentity&Version=2099-01-01", "sts.amazonaws.com", "2011-06-15")]
    [InlineData("Version=2011-06-15", "sts.amazonaws.com", "GetCallerIdentity")]
    [InlineData(TestSigV4.GetCallerIdentityBody, "attacker.example.com", "sts")]
    [InlineData(TestSigV4.GetCallerIdentityBody, "sts.amazonaws.com.attacker.example", "sts")]
    public async Task AwsIam_SignedRequestThatIsNotGetCallerIdentity_Returns401NamingTheProblem(string body, string host, string named)
    {
        var r = await AuthAsync(TestSigV4.CloudId(KeyId, Secret, _clock.GetUtcNow(), body: body, host: host));

        r.AssertStatus(HttpStatusCode.Unauthorized);
        Assert.Contains(named, r.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sts.us-west-2.amazonaws.com")]
    [InlineData("sts.cn-north-1.amazonaws.com.cn")]
    public async Task AwsIam_RegionalStsEndpoint_ReturnsToken(string host)
    {
        (await AuthAsync(TestSigV4.CloudId(KeyId, Secret, _clock.GetUtcNow(), host: host))).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AwsIam_TamperedBody_Returns401()
    {
        var r = await AuthAsync(TestSigV4.CloudId(KeyId, Secret, _clock.GetUtcNow(), tamper: true));

        r.AssertStatus(HttpStatusCode.Unauthorized);
        Assert.Contains("signature", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AwsIam_WrongSecretOrUnknownKey_Returns401()
    {
        (await AuthAsync(TestSigV4.CloudId(KeyId, "not-the-secret", _clock.GetUtcNow()))).AssertStatus(HttpStatusCode.Unauthorized);
        (await AuthAsync(TestSigV4.CloudId("AKIAUNKNOWN000000000", Secret, _clock.GetUtcNow()))).AssertStatus(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AwsIam_SignedMoreThan15MinutesAgo_Returns401()
    {
        var cloudId = TestSigV4.CloudId(KeyId, Secret, _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromMinutes(16));

        (await AuthAsync(cloudId)).AssertStatus(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("not base64 !!")]
    [InlineData("e30=")]
    public async Task AwsIam_MalformedCloudId_Returns4xx(string cloudId)
    {
        var r = await AuthAsync(cloudId);

        Assert.True(r.Status is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, r.Text);
    }

    // A signed-headers list naming one header twice used to build a dictionary with a duplicate key: a 500.
    [Theory]
    [InlineData("host;x-amz-date;host")]
    [InlineData("host;Host;x-amz-date")]
    public async Task AwsIam_SignedHeadersNamingAHeaderTwice_Returns401NotA500(string signedHeaders)
    {
        var date = SigV4Date(_clock.GetUtcNow())[..8];

        var r = await AuthAsync(CloudIdWithAuthorization($"AWS4-HMAC-SHA256 Credential={KeyId}/{date}/us-east-1/sts/aws4_request, SignedHeaders={signedHeaders}, Signature=00"));

        r.AssertStatus(HttpStatusCode.Unauthorized);
        Assert.Contains("SignedHeaders", r.Error, StringComparison.Ordinal);
    }

    // Likewise an Authorization header giving one of its fields twice.
    [Theory]
    [InlineData("Credential")]
    [InlineData("Signature")]
    public async Task AwsIam_AuthorizationFieldGivenTwice_Returns401NotA500(string field)
    {
        var date = SigV4Date(_clock.GetUtcNow())[..8];

        var r = await AuthAsync(CloudIdWithAuthorization(
            $"AWS4-HMAC-SHA256 Credential={KeyId}/{date}/us-east-1/sts/aws4_request, SignedHeaders=host;x-amz-date, Signature=00, {field}=again"));

        r.AssertStatus(HttpStatusCode.Unauthorized);
        Assert.Contains(field, r.Error, StringComparison.Ordinal);
    }

    private string CloudIdWithAuthorization(string authorization)
    {
        var headers = new JsonObject
        {
            ["Authorization"] = new JsonArray(authorization),
            ["Host"] = new JsonArray("sts.amazonaws.com"),
            ["X-Amz-Date"] = new JsonArray(SigV4Date(_clock.GetUtcNow())),
        };
        var doc = new JsonObject
        {
            ["sts_request_method"] = "POST",
            ["sts_request_url"] = B64("https://sts.amazonaws.com/"),
            ["sts_request_body"] = B64("Action=GetCallerIdentity&Version=2011-06-15"),
            ["sts_request_headers"] = B64(headers.ToJsonString()),
        };
        return B64(doc.ToJsonString());
    }

    private static string SigV4Date(DateTimeOffset now) =>
        now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static string B64(string s) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(s));
}
