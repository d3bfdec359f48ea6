using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AkeylessSharp.CloudId.Tests.TestSupport;
using Google.Apis.Auth.OAuth2;
using Microsoft.Extensions.Time.Testing;

namespace AkeylessSharp.CloudId.Tests.Gcp;

/// <summary>
/// An ID token that has already expired by this machine's clock (<c>exp</c>) is refused with an
/// <see cref="AkeylessCloudIdException"/> naming the expiry and the clock, on the standard path (Google.Apis.Auth) and the
/// Native AOT one (the metadata server asked directly), instead of being sent to Akeyless, which would refuse it.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class ExpiredIdTokenTests
{
    private static readonly AkeylessClientOptions s_clientOptions = new() { AccessType = AkeylessAccessType.Gcp, AccessId = "p-abcdefghijgg" };
    private static readonly Dictionary<string, string> s_flavor = new() { ["Metadata-Flavor"] = "Google" };
    private static readonly RSA s_googleKey = RSA.Create(2048);

    [Fact]
    public async Task ComputeCredential_MetadataServerGivesAnExpiredToken_ThrowsNamingExpiryAndClock()
    {
        var expiredAt = DateTimeOffset.UtcNow.AddHours(-1);
        using var server = new ScriptedHttpServer(_ => new ScriptedResponse(200, IdToken(expiredAt), s_flavor));
        using var env = new EnvironmentScope().Set("GCE_METADATA_HOST", server.Host);
        var provider = new GcpCloudIdProvider(new AkeylessGcpCloudIdOptions
        {
            GoogleCredential = new ComputeCredential(new ComputeCredential.Initializer()).ToGoogleCredential(),
        });

        var ex = await Assert.ThrowsAsync<AkeylessCloudIdException>(() => provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None).AsTask());

        AssertExpired(ex, expiredAt);
        Assert.Contains("Compute Engine metadata credential", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceAccountKey_ClockPastTheTokensExpiry_ThrowsNamingExpiryAndClock()
    {
        var google = new FakeGoogleTokenEndpoint();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(3));
        var provider = new GcpCloudIdProvider(new AkeylessGcpCloudIdOptions { GoogleCredential = google.Credential() }, null, timeProvider: clock);

        var ex = await Assert.ThrowsAsync<AkeylessCloudIdException>(() => provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None).AsTask());

        Assert.Contains("expired at", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"this machine's clock reads {clock.GetUtcNow():u}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceAccountKey_ClockBeforeTheTokensExpiry_ReturnsTheToken()
    {
        var google = new FakeGoogleTokenEndpoint();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(59));
        var provider = new GcpCloudIdProvider(new AkeylessGcpCloudIdOptions { GoogleCredential = google.Credential() }, null, timeProvider: clock);

        var cloudId = await provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None);

        Assert.Equal(google.ClientEmail, (string?)TestJwt.ReadClaims(TestJwt.DecodeCloudId(cloudId))["email"]);
    }

    [Fact]
    public async Task NativeAot_MetadataServerGivesAnExpiredToken_ThrowsNamingExpiryAndClock()
    {
        var expiredAt = DateTimeOffset.UtcNow.AddMinutes(-5);
        using var server = new ScriptedHttpServer(_ => new ScriptedResponse(200, IdToken(expiredAt), s_flavor));
        var provider = new GcpCloudIdProvider(null, null, _ => throw new InvalidOperationException("Google.Apis.Auth must not be asked under Native AOT."),
            dynamicCodeSupported: false, environment: name => name == "GCE_METADATA_HOST" ? server.Host : null);

        var ex = await Assert.ThrowsAsync<AkeylessCloudIdException>(() => provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None).AsTask());

        AssertExpired(ex, expiredAt);
        Assert.Contains("metadata server", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NativeAot_TokenWithoutExpiry_ThrowsNamingTheMissingExpiry()
    {
        var token = TestJwt.Create(s_googleKey, new JsonObject { ["aud"] = "akeyless.io", ["email"] = "sa@test-project.iam.gserviceaccount.com" });
        using var server = new ScriptedHttpServer(_ => new ScriptedResponse(200, token, s_flavor));
        var provider = new GcpCloudIdProvider(null, null, _ => throw new InvalidOperationException("Google.Apis.Auth must not be asked under Native AOT."),
            dynamicCodeSupported: false, environment: name => name == "GCE_METADATA_HOST" ? server.Host : null);

        var ex = await Assert.ThrowsAsync<AkeylessCloudIdException>(() => provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None).AsTask());

        Assert.Contains("expiry", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token, ex.ToString(), StringComparison.Ordinal);
    }

    private static void AssertExpired(AkeylessCloudIdException ex, DateTimeOffset expiredAt)
    {
        Assert.Equal(AkeylessAccessType.Gcp, ex.AccessType);
        Assert.Contains($"expired at {DateTimeOffset.FromUnixTimeSeconds(expiredAt.ToUnixTimeSeconds()):u}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("this machine's clock reads", ex.Message, StringComparison.Ordinal);
    }

    private static string IdToken(DateTimeOffset expiresAt) => TestJwt.Create(s_googleKey, new JsonObject
    {
        ["iss"] = "https://accounts.google.com",
        ["aud"] = "akeyless.io",
        ["email"] = "sa@test-project.iam.gserviceaccount.com",
        ["iat"] = expiresAt.AddHours(-1).ToUnixTimeSeconds(),
        ["exp"] = expiresAt.ToUnixTimeSeconds(),
    });
}
