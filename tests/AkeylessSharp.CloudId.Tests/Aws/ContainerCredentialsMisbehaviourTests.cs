using System.Globalization;
using AkeylessSharp.CloudId.Tests.TestSupport;

namespace AkeylessSharp.CloudId.Tests.Aws;

/// <summary>
/// The default chain's ECS/EKS container credentials (<c>AWS_CONTAINER_CREDENTIALS_FULL_URI</c>) served by a loopback
/// endpoint that answers well, badly or never: every failure is an <see cref="AkeylessCloudIdException"/> without a key or
/// the container authorization token in it, and the caller's cancellation is an <see cref="OperationCanceledException"/>.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class ContainerCredentialsMisbehaviourTests
{
    private const string AuthorizationToken = "container-authorization-token-0001";
    private const string ContainerSecret = "container/secret/access/key/000000000001";
    private const string ContainerSessionToken = "container-session-token-0001";
    private static readonly AkeylessClientOptions s_clientOptions = new() { AccessType = AkeylessAccessType.AwsIam, AccessId = "p-abcdefghijwz" };

    [Fact]
    public async Task ContainerEndpoint_GoodAnswer_SignsWithItsKeysAndSendsTheAuthorizationTokenOnlyThere()
    {
        using var server = new ScriptedHttpServer(_ => new ScriptedResponse(200, Credentials(DateTime.UtcNow.AddHours(1))));
        using var env = ContainerEnvironment(server);
        using var provider = new AwsIamCloudIdProvider();

        var cloudId = await provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None);

        var decoded = DecodedAwsCloudId.Decode(cloudId);
        Assert.Equal("AKIACONTAINER0000001", decoded.Authorization.AccessKeyId);
        Assert.True(decoded.SignatureMatches(ContainerSecret));
        Assert.Equal(ContainerSessionToken, decoded.Header("X-Amz-Security-Token"));
        Assert.DoesNotContain(AuthorizationToken, System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(cloudId)), StringComparison.Ordinal);
        Assert.All(server.Requests, r => Assert.Equal(AuthorizationToken, r.Headers["Authorization"]));
    }

    [Theory]
    [InlineData(302)]
    [InlineData(307)]
    public async Task ContainerEndpoint_Redirect_TheAuthorizationTokenDoesNotFollow(int status)
    {
        using var elsewhere = new ScriptedHttpServer(_ => new ScriptedResponse(200, Credentials(DateTime.UtcNow.AddHours(1))));
        using var server = new ScriptedHttpServer(_ => new ScriptedResponse(status, "", new Dictionary<string, string> { ["Location"] = $"http://{elsewhere.Host}/v2/credentials" }));
        using var env = ContainerEnvironment(server);
        using var provider = new AwsIamCloudIdProvider();

        // The AWS SDK follows the redirect (its choice, not this package's); .NET drops the Authorization header on the way.
        await provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None);

        Assert.Equal(AuthorizationToken, Assert.Single(server.Requests).Headers["Authorization"]);
        Assert.False(Assert.Single(elsewhere.Requests).Headers.ContainsKey("Authorization"));
    }

    [Theory]
    [InlineData(200, "<html><body>Sign in</body></html>")]
    [InlineData(500, "{\"error\": \"internal\"}")]
    public async Task ContainerEndpoint_ErrorOrGarbage_ThrowsCloudIdException(int status, string body)
    {
        using var server = new ScriptedHttpServer(_ => new ScriptedResponse(status, body));
        using var env = ContainerEnvironment(server);
        using var provider = new AwsIamCloudIdProvider();

        var ex = await Assert.ThrowsAsync<AkeylessCloudIdException>(() => provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None).AsTask());

        Assert.Equal(AkeylessAccessType.AwsIam, ex.AccessType);
        Assert.Contains("could not obtain keys", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(AuthorizationToken, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContainerEndpoint_AnswerWithoutSecretKey_ThrowsCloudIdException()
    {
        using var server = new ScriptedHttpServer(_ => new ScriptedResponse(200, """{"AccessKeyId":"AKIACONTAINER0000001","Token":"container-session-token-0001"}"""));
        using var env = ContainerEnvironment(server);
        using var provider = new AwsIamCloudIdProvider();

        var ex = await Assert.ThrowsAsync<AkeylessCloudIdException>(() => provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None).AsTask());

        Assert.Contains("GenericContainerCredentials", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ContainerSessionToken, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContainerEndpoint_ExpiredCredentials_ThrowsCloudIdExceptionWithoutKeys()
    {
        using var server = new ScriptedHttpServer(_ => new ScriptedResponse(200, Credentials(DateTime.UtcNow.AddHours(-1))));
        using var env = ContainerEnvironment(server);
        using var provider = new AwsIamCloudIdProvider();

        var ex = await Assert.ThrowsAsync<AkeylessCloudIdException>(() => provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None).AsTask());

        Assert.Contains("expired", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ContainerSecret, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ContainerSessionToken, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContainerEndpoint_NeverAnswers_CallerCancels_ThrowsOperationCanceled()
    {
        using var server = new ScriptedHttpServer(_ => ScriptedResponse.Never);
        using var env = ContainerEnvironment(server);
        using var provider = new AwsIamCloudIdProvider();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => provider.GetCloudIdAsync(s_clientOptions, cts.Token).AsTask());
    }

    [Fact]
    public async Task ContainerEndpoint_ConcurrentFirstCalls_AllSignWithItsKeys()
    {
        using var server = new ScriptedHttpServer(_ => new ScriptedResponse(200, Credentials(DateTime.UtcNow.AddHours(1))));
        using var env = ContainerEnvironment(server);
        using var provider = new AwsIamCloudIdProvider();

        var cloudIds = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None).AsTask())));

        Assert.All(cloudIds, id => Assert.True(DecodedAwsCloudId.Decode(id).SignatureMatches(ContainerSecret)));
    }

    [Theory]
    [InlineData("us east 1")]
    [InlineData("../../evil/")]
    [InlineData("eu-west-1\n")]
    public async Task OddAwsRegion_StillSignsForTheGlobalStsEndpoint(string region)
    {
        using var env = EnvironmentScope.EmptyAws()
            .Set("AWS_ACCESS_KEY_ID", StsCallerIdentitySignerTests.AccessKeyId).Set("AWS_SECRET_ACCESS_KEY", StsCallerIdentitySignerTests.SecretAccessKey)
            .Set("AWS_REGION", region).Set("AWS_DEFAULT_REGION", region);
        using var provider = new AwsIamCloudIdProvider();

        var decoded = DecodedAwsCloudId.Decode(await provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None));

        Assert.Equal("https://sts.amazonaws.com/", decoded.Url);
        Assert.EndsWith("/us-east-1/sts/aws4_request", decoded.Authorization.Scope, StringComparison.Ordinal);
        Assert.True(decoded.SignatureMatches(StsCallerIdentitySignerTests.SecretAccessKey));
    }

    private static EnvironmentScope ContainerEnvironment(ScriptedHttpServer server) => EnvironmentScope.EmptyAws()
        .Set("AWS_CONTAINER_CREDENTIALS_FULL_URI", $"http://{server.Host}/v2/credentials")
        .Set("AWS_CONTAINER_AUTHORIZATION_TOKEN", AuthorizationToken);

    private static string Credentials(DateTime expiration) => $$"""
        {"AccessKeyId":"AKIACONTAINER0000001","SecretAccessKey":"{{ContainerSecret}}","Token":"{{ContainerSessionToken}}","Expiration":"{{expiration.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}}"}
        """;
}
