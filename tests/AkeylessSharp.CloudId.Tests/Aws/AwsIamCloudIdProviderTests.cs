using AkeylessSharp.CloudId.Tests.TestSupport;
using Amazon.Runtime;
using Microsoft.Extensions.Time.Testing;

namespace AkeylessSharp.CloudId.Tests.Aws;

/// <summary>Where the provider gets AWS credentials: the default chain (environment here) or explicit ones, and the errors when there are none.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class AwsIamCloudIdProviderTests
{
    private const string AccessKeyId = StsCallerIdentitySignerTests.AccessKeyId;
    private const string SecretAccessKey = StsCallerIdentitySignerTests.SecretAccessKey;
    private const string SessionToken = StsCallerIdentitySignerTests.SessionToken;
    private static readonly AkeylessClientOptions s_clientOptions = new() { AccessType = AkeylessAccessType.AwsIam, AccessId = "p-abcdefghijwz" };

    [Fact]
    public async Task GetCloudIdAsync_EnvironmentKeys_SignsWithThem()
    {
        using var env = EnvironmentScope.EmptyAws().Set("AWS_ACCESS_KEY_ID", AccessKeyId).Set("AWS_SECRET_ACCESS_KEY", SecretAccessKey);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        using var provider = new AwsIamCloudIdProvider(new AkeylessAwsCloudIdOptions { TimeProvider = time });

        var decoded = DecodedAwsCloudId.Decode(await provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None));

        Assert.Equal(AkeylessAccessType.AwsIam, provider.AccessType);
        Assert.Equal(AccessKeyId, decoded.Authorization.AccessKeyId);
        Assert.Equal("20260102T030405Z", decoded.Header("X-Amz-Date"));
        Assert.False(decoded.Headers.ContainsKey("X-Amz-Security-Token"));
        Assert.True(decoded.SignatureMatches(SecretAccessKey));
    }

    [Fact]
    public async Task GetCloudIdAsync_EnvironmentSessionToken_SendsTheToken()
    {
        using var env = EnvironmentScope.EmptyAws()
            .Set("AWS_ACCESS_KEY_ID", AccessKeyId).Set("AWS_SECRET_ACCESS_KEY", SecretAccessKey).Set("AWS_SESSION_TOKEN", SessionToken);
        using var provider = new AwsIamCloudIdProvider();

        var decoded = DecodedAwsCloudId.Decode(await provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None));

        Assert.Equal(SessionToken, decoded.Header("X-Amz-Security-Token"));
        Assert.Contains("x-amz-security-token", decoded.Authorization.SignedHeaders);
        Assert.True(decoded.SignatureMatches(SecretAccessKey));
    }

    [Fact]
    public async Task GetCloudIdAsync_EnvironmentChanges_UsesTheNewKeys()
    {
        using var env = EnvironmentScope.EmptyAws().Set("AWS_ACCESS_KEY_ID", AccessKeyId).Set("AWS_SECRET_ACCESS_KEY", SecretAccessKey);
        using var provider = new AwsIamCloudIdProvider();
        await provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None);

        env.Set("AWS_ACCESS_KEY_ID", "AKIAROTATEDEXAMPLE01").Set("AWS_SECRET_ACCESS_KEY", "rotated-secret");
        var decoded = DecodedAwsCloudId.Decode(await provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None));

        Assert.Equal("AKIAROTATEDEXAMPLE01", decoded.Authorization.AccessKeyId);
        Assert.True(decoded.SignatureMatches("rotated-secret"));
    }

    [Fact]
    public async Task GetCloudIdAsync_ProfileFile_SignsWithTheProfile()
    {
        using var env = EnvironmentScope.EmptyAws().Set("AWS_PROFILE", "ci");
        using var provider = new AwsIamCloudIdProvider();

        var decoded = DecodedAwsCloudId.Decode(await provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None));

        Assert.Equal(EnvironmentScope.CiProfileAccessKeyId, decoded.Authorization.AccessKeyId);
        Assert.True(decoded.SignatureMatches(EnvironmentScope.CiProfileSecretAccessKey));
    }

    [Fact]
    public async Task GetCloudIdAsync_ExplicitCredentials_IgnoresTheEnvironment()
    {
        using var env = EnvironmentScope.EmptyAws().Set("AWS_ACCESS_KEY_ID", "AKIAENVIRONMENTKEY01").Set("AWS_SECRET_ACCESS_KEY", "environment-secret");
        using var provider = new AwsIamCloudIdProvider(new AkeylessAwsCloudIdOptions { AwsCredentials = new SessionAWSCredentials(AccessKeyId, SecretAccessKey, SessionToken) });

        var decoded = DecodedAwsCloudId.Decode(await provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None));

        Assert.Equal(AccessKeyId, decoded.Authorization.AccessKeyId);
        Assert.Equal(SessionToken, decoded.Header("X-Amz-Security-Token"));
        Assert.True(decoded.SignatureMatches(SecretAccessKey));
    }

    [Fact]
    public async Task GetCloudIdAsync_NoCredentialsAnywhere_ThrowsNamingEverySource()
    {
        using var env = EnvironmentScope.EmptyAws();
        using var provider = new AwsIamCloudIdProvider();

        var ex = await Assert.ThrowsAsync<AkeylessCloudIdException>(() => provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None).AsTask());

        Assert.Equal(AkeylessAccessType.AwsIam, ex.AccessType);
        Assert.IsType<AmazonClientException>(ex.InnerException, exactMatch: false);
        foreach (var hint in new[] { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE", "~/.aws/credentials", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "instance metadata", "AwsCredentials" })
        {
            Assert.Contains(hint, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task GetCloudIdAsync_MissingProfile_ThrowsCloudIdException()
    {
        using var env = EnvironmentScope.EmptyAws().Set("AWS_PROFILE", "does-not-exist");
        using var provider = new AwsIamCloudIdProvider();

        var ex = await Assert.ThrowsAsync<AkeylessCloudIdException>(() => provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None).AsTask());

        Assert.Contains("does-not-exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCloudIdAsync_OnlySecretKeySet_ThrowsWithoutLeakingIt()
    {
        using var env = EnvironmentScope.EmptyAws().Set("AWS_SECRET_ACCESS_KEY", SecretAccessKey);
        using var provider = new AwsIamCloudIdProvider();

        var ex = await Assert.ThrowsAsync<AkeylessCloudIdException>(() => provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None).AsTask());

        Assert.DoesNotContain(SecretAccessKey, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCloudIdAsync_ExplicitCredentialsFail_ThrowsCloudIdException()
    {
        using var provider = new AwsIamCloudIdProvider(new AkeylessAwsCloudIdOptions { AwsCredentials = new FailingCredentials() });

        var ex = await Assert.ThrowsAsync<AkeylessCloudIdException>(() => provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None).AsTask());

        Assert.Contains(nameof(FailingCredentials), ex.Message, StringComparison.Ordinal);
        Assert.Contains("role expired", ex.Message, StringComparison.Ordinal);
    }

    private sealed class FailingCredentials : AWSCredentials
    {
        public override ImmutableCredentials GetCredentials() => throw new AmazonClientException("role expired");

        public override Task<ImmutableCredentials> GetCredentialsAsync() => Task.FromException<ImmutableCredentials>(new AmazonClientException("role expired"));
    }
}
