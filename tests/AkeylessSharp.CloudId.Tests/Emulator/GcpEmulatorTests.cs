using System.Net;
using AkeylessSharp.CloudId.Tests.Gcp;

namespace AkeylessSharp.CloudId.Tests.Emulator;

/// <summary>A service-account key made in the test → Google ID token (token endpoint faked in memory) → gcp cloud id → emulator <c>/auth</c> → token.</summary>
public sealed class GcpEmulatorTests
{
    [Fact]
    public async Task Auth_ServiceAccountIdToken_ReturnsToken()
    {
        await using var emulator = await CloudIdEmulator.StartAsync();
        var google = new FakeGoogleTokenEndpoint(CloudIdEmulator.ServiceAccount);
        var provider = new GcpCloudIdProvider(new AkeylessGcpCloudIdOptions { GoogleCredential = google.Credential() });
        var options = new AkeylessClientOptions { AccessType = AkeylessAccessType.Gcp, AccessId = CloudIdEmulator.GcpAccessId };

        var (status, token, error) = await emulator.AuthAsync("gcp", CloudIdEmulator.GcpAccessId, await provider.GetCloudIdAsync(options, CancellationToken.None), options.GcpAudience);

        Assert.True(status == HttpStatusCode.OK, error);
        Assert.StartsWith("t-", token, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auth_TokenForAnotherAudience_Returns401()
    {
        await using var emulator = await CloudIdEmulator.StartAsync();
        var google = new FakeGoogleTokenEndpoint(CloudIdEmulator.ServiceAccount);
        var provider = new GcpCloudIdProvider(new AkeylessGcpCloudIdOptions { GoogleCredential = google.Credential() });
        var options = new AkeylessClientOptions { AccessType = AkeylessAccessType.Gcp, AccessId = CloudIdEmulator.GcpAccessId, GcpAudience = "someone-else.example" };

        var (status, _, _) = await emulator.AuthAsync("gcp", CloudIdEmulator.GcpAccessId, await provider.GetCloudIdAsync(options, CancellationToken.None), gcpAudience: "akeyless.io");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }
}
