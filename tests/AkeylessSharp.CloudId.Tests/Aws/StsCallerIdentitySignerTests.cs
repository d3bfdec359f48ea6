using System.Text;
using AkeylessSharp.CloudId.Aws.Internal;
using AkeylessSharp.CloudId.Tests.TestSupport;
using Amazon.Runtime;

namespace AkeylessSharp.CloudId.Tests.Aws;

/// <summary>The <c>aws_iam</c> cloud id is the official helpers' format: base64 JSON of a SigV4-signed STS request.</summary>
public sealed class StsCallerIdentitySignerTests
{
    internal const string AccessKeyId = "AKIAIOSFODNN7EXAMPLE";
    internal const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    internal const string SessionToken = "IQoJb3JpZ2luX2VjEXAMPLE+session/token==";
    private static readonly DateTimeOffset s_signedAt = new(2025, 12, 9, 21, 35, 7, TimeSpan.Zero);

    [Fact]
    public void CreateCloudId_LongTermKeys_HasTheFourBase64Fields()
    {
        var cloudId = StsCallerIdentitySigner.CreateCloudId(new ImmutableCredentials(AccessKeyId, SecretAccessKey, null), s_signedAt);

        var decoded = DecodedAwsCloudId.Decode(cloudId);
        Assert.Equal(["sts_request_body", "sts_request_headers", "sts_request_method", "sts_request_url"], decoded.Fields.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("POST", decoded.Method);
        Assert.Equal("https://sts.amazonaws.com/", decoded.Url);
        Assert.Equal("Action=GetCallerIdentity&Version=2011-06-15", decoded.Body);
    }

    [Fact]
    public void CreateCloudId_LongTermKeys_SendsTheHelpersHeaders()
    {
        var decoded = DecodedAwsCloudId.Decode(StsCallerIdentitySigner.CreateCloudId(new ImmutableCredentials(AccessKeyId, SecretAccessKey, null), s_signedAt));

        Assert.Equal("sts.amazonaws.com", decoded.Header("Host"));
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", decoded.Header("Content-Type"));
        Assert.Equal("43", decoded.Header("Content-Length"));
        Assert.Equal("20251209T213507Z", decoded.Header("X-Amz-Date"));
        Assert.False(decoded.Headers.ContainsKey("X-Amz-Security-Token"));
        Assert.All(decoded.Headers.Values, values => Assert.Single(values));
    }

    [Fact]
    public void CreateCloudId_LongTermKeys_SignsForUsEast1Sts()
    {
        var decoded = DecodedAwsCloudId.Decode(StsCallerIdentitySigner.CreateCloudId(new ImmutableCredentials(AccessKeyId, SecretAccessKey, null), s_signedAt));

        var auth = decoded.Authorization;
        Assert.Equal("AWS4-HMAC-SHA256", auth.Algorithm);
        Assert.Equal(AccessKeyId, auth.AccessKeyId);
        Assert.Equal("20251209/us-east-1/sts/aws4_request", auth.Scope);
        Assert.Equal(["content-length", "content-type", "host", "x-amz-content-sha256", "x-amz-date"], auth.SignedHeaders);
        Assert.True(decoded.SignatureMatches(SecretAccessKey));
        Assert.False(decoded.SignatureMatches("not-the-secret"));
    }

    [Fact]
    public void CreateCloudId_SessionCredentials_SendsAndSignsTheSecurityToken()
    {
        var decoded = DecodedAwsCloudId.Decode(StsCallerIdentitySigner.CreateCloudId(new ImmutableCredentials(AccessKeyId, SecretAccessKey, SessionToken), s_signedAt));

        Assert.Equal(SessionToken, decoded.Header("X-Amz-Security-Token"));
        Assert.Contains("x-amz-security-token", decoded.Authorization.SignedHeaders);
        Assert.True(decoded.SignatureMatches(SecretAccessKey));
    }

    [Fact]
    public void CreateCloudId_Always_NeverContainsTheSecretKey()
    {
        var cloudId = StsCallerIdentitySigner.CreateCloudId(new ImmutableCredentials(AccessKeyId, SecretAccessKey, SessionToken), s_signedAt);

        var decoded = DecodedAwsCloudId.Decode(cloudId);
        var everything = cloudId + string.Concat(decoded.Fields.Values) + string.Concat(decoded.Headers.Values.SelectMany(v => v));
        Assert.DoesNotContain(SecretAccessKey, everything, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateCloudId_Json_WritesBase64Literally()
    {
        // Go and JavaScript write '+' and '/' as they are; the default .NET encoder would write \u002B.
        var json = Encoding.UTF8.GetString(Convert.FromBase64String(
            StsCallerIdentitySigner.CreateCloudId(new ImmutableCredentials(AccessKeyId, SecretAccessKey, SessionToken), s_signedAt)));
        var headersJson = Encoding.UTF8.GetString(Convert.FromBase64String(DecodedAwsCloudId.Decode(
            StsCallerIdentitySigner.CreateCloudId(new ImmutableCredentials(AccessKeyId, SecretAccessKey, SessionToken), s_signedAt)).Fields["sts_request_headers"]));

        Assert.StartsWith("{\"sts_request_method\":\"POST\",\"sts_request_url\":\"aHR0cHM6Ly9zdHMuYW1hem9uYXdzLmNvbS8=\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", json, StringComparison.Ordinal);
        Assert.Contains(SessionToken, headersJson, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateCloudId_SameInputs_IsDeterministic()
    {
        var credentials = new ImmutableCredentials(AccessKeyId, SecretAccessKey, null);

        Assert.Equal(StsCallerIdentitySigner.CreateCloudId(credentials, s_signedAt), StsCallerIdentitySigner.CreateCloudId(credentials, s_signedAt));
        Assert.NotEqual(StsCallerIdentitySigner.CreateCloudId(credentials, s_signedAt), StsCallerIdentitySigner.CreateCloudId(credentials, s_signedAt.AddSeconds(1)));
    }
}
