using AkeylessSharp.CloudId.Tests.TestSupport;
using Azure;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Time.Testing;

namespace AkeylessSharp.CloudId.Tests.Azure;

/// <summary>
/// Azure.Identity's managed identity against an App Service style identity endpoint (<c>IDENTITY_ENDPOINT</c> and
/// <c>IDENTITY_HEADER</c>) on loopback that answers well, badly or never, and custom credentials that fail in unusual ways:
/// every failure is an <see cref="AkeylessCloudIdException"/> without the identity header or a token in it.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class ManagedIdentityMisbehaviourTests
{
    private const string IdentityHeader = "identity-header-secret-0001";
    private const string AccessToken = "azure-access-token-0001";
    private static readonly AkeylessClientOptions s_clientOptions = new() { AccessType = AkeylessAccessType.AzureAd, AccessId = "p-abcdefghijaz" };

    [Fact]
    public async Task IdentityEndpoint_GoodAnswer_ReturnsItsTokenAndSendsTheHeaderOnlyThere()
    {
        using var server = new ScriptedHttpServer(_ => new ScriptedResponse(200, TokenJson(DateTimeOffset.UtcNow.AddHours(1))));
        using var env = IdentityEnvironment(server);

        var cloudId = await Provider().GetCloudIdAsync(s_clientOptions, CancellationToken.None);

        Assert.Equal(AccessToken, TestJwt.DecodeCloudId(cloudId));
        var request = Assert.Single(server.Requests);
        Assert.Equal(IdentityHeader, request.Headers["X-IDENTITY-HEADER"]);
        Assert.Contains("resource=https://management.azure.com", request.Target, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(200, "<html><body>Sign in</body></html>")]
    [InlineData(200, "\u0001not json{{")]
    [InlineData(200, """{"token_type":"Bearer"}""")]
    [InlineData(400, """{"error":"invalid_request"}""")]
    public async Task IdentityEndpoint_BadAnswer_ThrowsCloudIdExceptionWithoutTheHeader(int status, string body)
    {
        using var server = new ScriptedHttpServer(_ => new ScriptedResponse(status, body, new Dictionary<string, string> { ["Content-Type"] = "application/json" }));
        using var env = IdentityEnvironment(server);

        var ex = await Assert.ThrowsAsync<AkeylessCloudIdException>(() => Provider().GetCloudIdAsync(s_clientOptions, CancellationToken.None).AsTask());

        Assert.Equal(AkeylessAccessType.AzureAd, ex.AccessType);
        Assert.Contains("ManagedIdentityCredential", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(IdentityHeader, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IdentityEndpoint_Redirect_IsNotFollowedWithTheHeader()
    {
        using var elsewhere = new ScriptedHttpServer(_ => new ScriptedResponse(200, TokenJson(DateTimeOffset.UtcNow.AddHours(1))));
        using var server = new ScriptedHttpServer(_ => new ScriptedResponse(302, "", new Dictionary<string, string> { ["Location"] = $"http://{elsewhere.Host}/msi/token" }));
        using var env = IdentityEnvironment(server);

        await Assert.ThrowsAsync<AkeylessCloudIdException>(() => Provider().GetCloudIdAsync(s_clientOptions, CancellationToken.None).AsTask());

        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task Credential_ExpiredToken_ThrowsCloudIdExceptionWithoutTheToken()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var provider = new AzureAdCloudIdProvider(new AkeylessAzureCloudIdOptions { AzureCredential = new ExpiringCredential(clock.GetUtcNow().AddMinutes(-1)) }, null, timeProvider: clock);

        var ex = await Assert.ThrowsAsync<AkeylessCloudIdException>(() => provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None).AsTask());

        Assert.Contains("expired", ex.Message, StringComparison.Ordinal);
        Assert.Contains("clock", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(AccessToken, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credential_TokenValidForAnotherSecond_IsUsed()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var provider = new AzureAdCloudIdProvider(new AkeylessAzureCloudIdOptions { AzureCredential = new ExpiringCredential(clock.GetUtcNow().AddSeconds(1)) }, null, timeProvider: clock);

        Assert.Equal(AccessToken, TestJwt.DecodeCloudId(await provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None)));
    }

    [Fact]
    public async Task IdentityEndpoint_NeverAnswers_CallerCancels_ThrowsOperationCanceled()
    {
        using var server = new ScriptedHttpServer(_ => ScriptedResponse.Never);
        using var env = IdentityEnvironment(server);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Provider().GetCloudIdAsync(s_clientOptions, cts.Token).AsTask());
    }

    [Fact]
    public async Task IdentityEndpoint_ConcurrentFirstCalls_AllGetTheToken()
    {
        using var server = new ScriptedHttpServer(_ => new ScriptedResponse(200, TokenJson(DateTimeOffset.UtcNow.AddHours(1))));
        using var env = IdentityEnvironment(server);
        var provider = Provider();

        var cloudIds = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None).AsTask())));

        Assert.All(cloudIds, id => Assert.Equal(AccessToken, TestJwt.DecodeCloudId(id)));
    }

    public static TheoryData<Exception> UnusualFailures => new()
    {
        new RequestFailedException(503, "identity endpoint unavailable"),
        new InvalidOperationException("credential misconfigured"),
        new TaskCanceledException("Azure.Core network timeout"),
    };

    [Theory]
    [MemberData(nameof(UnusualFailures))]
    public async Task CustomCredential_UnusualFailure_ThrowsCloudIdException(Exception failure)
    {
        var provider = new AzureAdCloudIdProvider(new AkeylessAzureCloudIdOptions { AzureCredential = new FailingTokenCredential(failure) });

        var ex = await Assert.ThrowsAsync<AkeylessCloudIdException>(() => provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None).AsTask());

        Assert.Same(failure, ex.InnerException);
        Assert.Contains(nameof(FailingTokenCredential), ex.Message, StringComparison.Ordinal);
    }

    // MSAL caches managed identity tokens for the process, per identity: a fresh user-assigned client id per test keeps
    // one test's token from answering another's request.
    private sealed class ExpiringCredential(DateTimeOffset expiresOn) : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(AccessToken, expiresOn);

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    private static AzureAdCloudIdProvider Provider() => new(new AkeylessAzureCloudIdOptions
    {
        AzureCredential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(Guid.NewGuid().ToString())),
    });

    private static EnvironmentScope IdentityEnvironment(ScriptedHttpServer server) => new EnvironmentScope()
        .Set("IDENTITY_ENDPOINT", $"http://{server.Host}/msi/token").Set("IDENTITY_HEADER", IdentityHeader)
        .Set("MSI_ENDPOINT", null).Set("MSI_SECRET", null).Set("IMDS_ENDPOINT", null).Set("IDENTITY_SERVER_THUMBPRINT", null);

    private static string TokenJson(DateTimeOffset expiresOn) =>
        $$"""{"access_token":"{{AccessToken}}","expires_on":"{{expiresOn.ToUnixTimeSeconds()}}","resource":"https://management.azure.com/","token_type":"Bearer"}""";
}
