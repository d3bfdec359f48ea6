using AkeylessSharp.CloudId.Tests.TestSupport;
using Google.Apis.Auth.OAuth2;

namespace AkeylessSharp.CloudId.Tests.Gcp;

/// <summary>The <c>gcp</c> cloud id is base64 of a Google ID token for <c>GcpAudience</c>, from a service-account key made in the test.</summary>
public sealed class GcpCloudIdProviderTests
{
    private static readonly AkeylessClientOptions s_clientOptions = new() { AccessType = AkeylessAccessType.Gcp, AccessId = "p-abcdefghijgg" };

    [Fact]
    public async Task GetCloudIdAsync_ServiceAccountKey_ReturnsBase64OfTheIdToken()
    {
        var google = new FakeGoogleTokenEndpoint();
        var provider = new GcpCloudIdProvider(new AkeylessGcpCloudIdOptions { GoogleCredential = google.Credential() });

        var cloudId = await provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None);

        Assert.Equal(AkeylessAccessType.Gcp, provider.AccessType);
        var claims = TestJwt.ReadClaims(TestJwt.DecodeCloudId(cloudId));
        Assert.Equal("akeyless.io", (string?)claims["aud"]);
        Assert.Equal(google.ClientEmail, (string?)claims["email"]);
        Assert.Equal("https://accounts.google.com", (string?)claims["iss"]);
    }

    [Fact]
    public async Task GetCloudIdAsync_CustomAudience_AsksForThatAudience()
    {
        var google = new FakeGoogleTokenEndpoint();
        var provider = new GcpCloudIdProvider(new AkeylessGcpCloudIdOptions { GoogleCredential = google.Credential() });

        var cloudId = await provider.GetCloudIdAsync(new AkeylessClientOptions { AccessType = AkeylessAccessType.Gcp, GcpAudience = "https://gw.example.com" }, CancellationToken.None);

        Assert.Equal(["https://gw.example.com"], google.Audiences);
        Assert.Equal("https://gw.example.com", (string?)TestJwt.ReadClaims(TestJwt.DecodeCloudId(cloudId))["aud"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task GetCloudIdAsync_EmptyAudience_UsesAkeylessIo(string audience)
    {
        var google = new FakeGoogleTokenEndpoint();
        var provider = new GcpCloudIdProvider(new AkeylessGcpCloudIdOptions { GoogleCredential = google.Credential() });

        await provider.GetCloudIdAsync(new AkeylessClientOptions { AccessType = AkeylessAccessType.Gcp, GcpAudience = audience }, CancellationToken.None);

        Assert.Equal(["akeyless.io"], google.Audiences);
    }

    [Fact]
    public async Task GetCloudIdAsync_CalledTwice_ReusesTheCachedToken()
    {
        var google = new FakeGoogleTokenEndpoint();
        var provider = new GcpCloudIdProvider(new AkeylessGcpCloudIdOptions { GoogleCredential = google.Credential() });

        var first = await provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None);
        var second = await provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(1, google.Requests);
    }

    [Fact]
    public async Task GetCloudIdAsync_ApplicationDefault_LoadsOnceAndReuses()
    {
        var google = new FakeGoogleTokenEndpoint();
        var loads = 0;
        var provider = new GcpCloudIdProvider(null, null, _ =>
        {
            loads++;
            return Task.FromResult(google.Credential());
        });

        await provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None);
        await provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None);

        Assert.Equal(1, loads);
    }

    [Fact]
    public async Task GetCloudIdAsync_ApplicationDefaultMissing_ThrowsNamingTheSourcesAndRetriesLater()
    {
        var google = new FakeGoogleTokenEndpoint();
        var attempts = 0;
        var provider = new GcpCloudIdProvider(null, null, _ => ++attempts == 1
            ? Task.FromException<GoogleCredential>(new InvalidOperationException("Your default credentials were not found."))
            : Task.FromResult(google.Credential()));

        var ex = await Assert.ThrowsAsync<AkeylessCloudIdException>(() => provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None).AsTask());
        var cloudId = await provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None);

        Assert.Equal(AkeylessAccessType.Gcp, ex.AccessType);
        foreach (var hint in new[] { "GOOGLE_APPLICATION_CREDENTIALS", "application_default_credentials.json", "metadata server", "GoogleCredential", "default credentials were not found" })
        {
            Assert.Contains(hint, ex.Message, StringComparison.Ordinal);
        }

        Assert.NotEmpty(cloudId);
    }

    [Fact]
    public async Task GetCloudIdAsync_MalformedCredentialFile_SaysItWasFoundAndCannotBeRead()
    {
        var provider = new GcpCloudIdProvider(null, null, _ => Task.FromResult(CredentialFactory.FromJson<ServiceAccountCredential>("""{"type": "service_account", """).ToGoogleCredential()));

        var ex = await Assert.ThrowsAsync<AkeylessCloudIdException>(() => provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None).AsTask());

        Assert.Contains("found a Google credential file", ex.Message, StringComparison.Ordinal);
        Assert.Contains("could not read it", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("were not found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCloudIdAsync_UserCredentials_ThrowsExplainingServiceAccountsAreNeeded()
    {
        var user = CredentialFactory.FromJson<UserCredential>("""{"type":"authorized_user","client_id":"id.apps.googleusercontent.com","client_secret":"not-a-real-secret","refresh_token":"1//not-a-real-token"}""").ToGoogleCredential();
        var provider = new GcpCloudIdProvider(new AkeylessGcpCloudIdOptions { GoogleCredential = user });

        var ex = await Assert.ThrowsAsync<AkeylessCloudIdException>(() => provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None).AsTask());

        Assert.Contains("service account", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-real-secret", ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("1//not-a-real-token", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCloudIdAsync_TokenEndpointRejectsTheKey_ThrowsCloudIdException()
    {
        var google = new FakeGoogleTokenEndpoint();
        var impostor = new FakeGoogleTokenEndpoint(ownKey: true);
        // The key file of one account, the endpoint of another: the assertion's signature does not verify.
        var credential = CredentialFactory.FromJson<ServiceAccountCredential>(impostor.ServiceAccountJson().Replace(impostor.ClientEmail, google.ClientEmail, StringComparison.Ordinal)).ToGoogleCredential();
        var provider = new GcpCloudIdProvider(new AkeylessGcpCloudIdOptions { GoogleCredential = credential.CreateWithHttpClientFactory(new GoogleFactoryFor(google)) });

        var ex = await Assert.ThrowsAsync<AkeylessCloudIdException>(() => provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None).AsTask());

        Assert.Contains("akeyless.io", ex.Message, StringComparison.Ordinal);
        Assert.Contains(google.ClientEmail, ex.Message, StringComparison.Ordinal);
    }

    private sealed class GoogleFactoryFor(FakeGoogleTokenEndpoint endpoint) : Google.Apis.Http.HttpClientFactory
    {
        protected override HttpMessageHandler CreateHandler(Google.Apis.Http.CreateHttpClientArgs args) => endpoint;
    }
}

/// <summary>
/// The real application-default lookup, offline: GOOGLE_APPLICATION_CREDENTIALS names a file that is not there. Google.Apis.Auth
/// caches the lookup's outcome for the process, so this is the only test that may use the real lookup.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class GcpApplicationDefaultTests
{
    [Fact]
    public async Task GetCloudIdAsync_CredentialsFileMissing_ThrowsCloudIdException()
    {
        var missing = Path.Combine(Path.GetTempPath(), "akeyless-cloudid-missing-" + Guid.NewGuid().ToString("N") + ".json");
        using var env = new EnvironmentScope().Set("GOOGLE_APPLICATION_CREDENTIALS", missing);
        var provider = new GcpCloudIdProvider();

        var ex = await Assert.ThrowsAsync<AkeylessCloudIdException>(() => provider.GetCloudIdAsync(new AkeylessClientOptions { AccessType = AkeylessAccessType.Gcp }, CancellationToken.None).AsTask());

        Assert.Contains("GOOGLE_APPLICATION_CREDENTIALS", ex.Message, StringComparison.Ordinal);
        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
    }
}
