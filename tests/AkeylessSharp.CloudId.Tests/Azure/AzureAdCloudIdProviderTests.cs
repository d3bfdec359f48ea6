using AkeylessSharp.CloudId.Tests.TestSupport;
using Azure.Core;
using Azure.Identity;

namespace AkeylessSharp.CloudId.Tests.Azure;

/// <summary>The <c>azure_ad</c> cloud id is base64 of the Resource Manager access token; the credential is chosen by the options.</summary>
public sealed class AzureAdCloudIdProviderTests
{
    private const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private const string ObjectId = "5e9f2b1a-3c4d-4e5f-8a9b-0c1d2e3f4a5b";
    private static readonly AkeylessClientOptions s_clientOptions = new() { AccessType = AkeylessAccessType.AzureAd, AccessId = "p-abcdefghijaz" };

    [Fact]
    public async Task GetCloudIdAsync_ExplicitCredential_ReturnsBase64OfTheToken()
    {
        var credential = new FakeTokenCredential(TenantId, ObjectId);
        var provider = new AzureAdCloudIdProvider(new AkeylessAzureCloudIdOptions { AzureCredential = credential });

        var cloudId = await provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None);

        Assert.Equal(AkeylessAccessType.AzureAd, provider.AccessType);
        Assert.Equal(credential.LastToken, TestJwt.DecodeCloudId(cloudId));
        var claims = TestJwt.ReadClaims(TestJwt.DecodeCloudId(cloudId));
        Assert.Equal(TenantId, (string?)claims["tid"]);
        Assert.Equal(ObjectId, (string?)claims["oid"]);
    }

    [Fact]
    public async Task GetCloudIdAsync_DefaultScope_AsksForResourceManager()
    {
        var credential = new FakeTokenCredential(TenantId, ObjectId);
        var provider = new AzureAdCloudIdProvider(new AkeylessAzureCloudIdOptions { AzureCredential = credential });

        await provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None);

        Assert.Equal(["https://management.azure.com/.default"], Assert.Single(credential.RequestedScopes));
    }

    [Fact]
    public async Task GetCloudIdAsync_SovereignScope_AsksForThatScope()
    {
        var credential = new FakeTokenCredential(TenantId, ObjectId);
        var provider = new AzureAdCloudIdProvider(new AkeylessAzureCloudIdOptions { AzureCredential = credential, AzureScope = "https://management.usgovcloudapi.net/.default" });

        await provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None);

        Assert.Equal(["https://management.usgovcloudapi.net/.default"], Assert.Single(credential.RequestedScopes));
    }

    [Theory]
    [InlineData(" https://management.usgovcloudapi.net/.default ")]
    [InlineData("https://management.usgovcloudapi.net/.default\n")]
    public async Task GetCloudIdAsync_ScopeWithSurroundingWhiteSpace_AsksForTheTrimmedScope(string scope)
    {
        // Sent as written, Azure.Identity's managed identity asks for the resource '%20https://...%20' (it only strips a
        // trailing '/.default'), which Azure AD does not know.
        var credential = new FakeTokenCredential(TenantId, ObjectId);
        var provider = new AzureAdCloudIdProvider(new AkeylessAzureCloudIdOptions { AzureCredential = credential, AzureScope = scope });

        await provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None);

        Assert.Equal(["https://management.usgovcloudapi.net/.default"], Assert.Single(credential.RequestedScopes));
    }

    [Fact]
    public void GetDefault_NoObjectId_UsesDefaultAzureCredential()
    {
        var provider = new AzureAdCloudIdProvider();

        Assert.IsType<DefaultAzureCredential>(provider.GetDefault(null));
        Assert.Same(provider.GetDefault(null), provider.GetDefault(" "));
    }

    [Fact]
    public void GetDefault_ObjectId_UsesThatManagedIdentity()
    {
        var created = new List<string?>();
        var provider = new AzureAdCloudIdProvider(null, null, id =>
        {
            created.Add(id);
            return new FakeTokenCredential(TenantId, ObjectId);
        });

        var first = provider.GetDefault(ObjectId);
        var again = provider.GetDefault(ObjectId);
        provider.GetDefault("another-object-id");

        Assert.Same(first, again);
        Assert.Equal([ObjectId, "another-object-id"], created);
        Assert.IsType<ManagedIdentityCredential>(new AzureAdCloudIdProvider().GetDefault(ObjectId));
    }

    [Fact]
    public async Task GetCloudIdAsync_AzureObjectIdSet_AsksTheManagedIdentityFactory()
    {
        string? requested = "(not called)";
        var provider = new AzureAdCloudIdProvider(null, null, id =>
        {
            requested = id;
            return new FakeTokenCredential(TenantId, ObjectId);
        });

        await provider.GetCloudIdAsync(new AkeylessClientOptions { AccessType = AkeylessAccessType.AzureAd, AzureObjectId = ObjectId }, CancellationToken.None);

        Assert.Equal(ObjectId, requested);
    }

    [Fact]
    public async Task GetCloudIdAsync_ExplicitCredentialAndObjectId_UsesTheExplicitCredential()
    {
        var credential = new FakeTokenCredential(TenantId, ObjectId);
        var provider = new AzureAdCloudIdProvider(new AkeylessAzureCloudIdOptions { AzureCredential = credential }, null, _ => throw new InvalidOperationException("default credential must not be created"));

        await provider.GetCloudIdAsync(new AkeylessClientOptions { AccessType = AkeylessAccessType.AzureAd, AzureObjectId = ObjectId }, CancellationToken.None);

        Assert.Single(credential.RequestedScopes);
    }

    [Fact]
    public async Task GetCloudIdAsync_NoCredentialAvailable_ThrowsNamingTheSources()
    {
        var unavailable = new CredentialUnavailableException("DefaultAzureCredential failed to retrieve a token from the included credentials.");
        var provider = new AzureAdCloudIdProvider(new AkeylessAzureCloudIdOptions { AzureCredential = new FailingTokenCredential(unavailable) });

        var ex = await Assert.ThrowsAsync<AkeylessCloudIdException>(() => provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None).AsTask());

        Assert.Equal(AkeylessAccessType.AzureAd, ex.AccessType);
        Assert.Same(unavailable, ex.InnerException);
        foreach (var hint in new[] { "AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_FEDERATED_TOKEN_FILE", "managed identity", "Azure CLI", "AzureObjectId", "AzureCredential", "https://management.azure.com/.default" })
        {
            Assert.Contains(hint, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task GetCloudIdAsync_SignInFails_ThrowsCloudIdException()
    {
        var provider = new AzureAdCloudIdProvider(new AkeylessAzureCloudIdOptions { AzureCredential = new FailingTokenCredential(new AuthenticationFailedException("ManagedIdentityCredential authentication failed: identity not found")) });

        var ex = await Assert.ThrowsAsync<AkeylessCloudIdException>(() => provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None).AsTask());

        Assert.Contains("identity not found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCloudIdAsync_EmptyToken_ThrowsCloudIdException()
    {
        var provider = new AzureAdCloudIdProvider(new AkeylessAzureCloudIdOptions { AzureCredential = new EmptyTokenCredential() });

        await Assert.ThrowsAsync<AkeylessCloudIdException>(() => provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task GetCloudIdAsync_Cancelled_ThrowsOperationCanceled()
    {
        var provider = new AzureAdCloudIdProvider(new AkeylessAzureCloudIdOptions { AzureCredential = new FailingTokenCredential(new OperationCanceledException()) });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => provider.GetCloudIdAsync(s_clientOptions, new CancellationToken(canceled: true)).AsTask());
    }

    [Fact]
    public async Task GetCloudIdAsync_CancelledAndTheCredentialReportsItAsUnavailable_ThrowsOperationCanceled()
    {
        var provider = new AzureAdCloudIdProvider(new AkeylessAzureCloudIdOptions { AzureCredential = new FailingTokenCredential(new CredentialUnavailableException("DefaultAzureCredential failed to retrieve a token: ManagedIdentityCredential was cancelled.")) });
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => provider.GetCloudIdAsync(s_clientOptions, cts.Token).AsTask());

        Assert.Equal(cts.Token, ex.CancellationToken);
        Assert.IsType<CredentialUnavailableException>(ex.InnerException);
    }

    private sealed class EmptyTokenCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => new("", DateTimeOffset.UtcNow);

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
