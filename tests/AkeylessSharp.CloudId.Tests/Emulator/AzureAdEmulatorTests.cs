using System.Net;
using AkeylessSharp.CloudId.Tests.Azure;

namespace AkeylessSharp.CloudId.Tests.Emulator;

/// <summary>A fake Azure credential's token (tid/oid) → azure_ad cloud id → emulator <c>/auth</c> → token.</summary>
public sealed class AzureAdEmulatorTests
{
    private static readonly AkeylessClientOptions s_options = new() { AccessType = AkeylessAccessType.AzureAd, AccessId = CloudIdEmulator.AzureAccessId };

    [Fact]
    public async Task Auth_BoundTenantAndObject_ReturnsToken()
    {
        await using var emulator = await CloudIdEmulator.StartAsync();
        var provider = new AzureAdCloudIdProvider(new AkeylessAzureCloudIdOptions { AzureCredential = new FakeTokenCredential(CloudIdEmulator.TenantId, CloudIdEmulator.ObjectId) });

        var (status, token, error) = await emulator.AuthAsync("azure_ad", CloudIdEmulator.AzureAccessId, await provider.GetCloudIdAsync(s_options, CancellationToken.None));

        Assert.True(status == HttpStatusCode.OK, error);
        Assert.StartsWith("t-", token, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auth_OtherObjectId_Returns401()
    {
        await using var emulator = await CloudIdEmulator.StartAsync();
        var provider = new AzureAdCloudIdProvider(new AkeylessAzureCloudIdOptions { AzureCredential = new FakeTokenCredential(CloudIdEmulator.TenantId, "00000000-0000-0000-0000-000000000000") });

        var (status, _, _) = await emulator.AuthAsync("azure_ad", CloudIdEmulator.AzureAccessId, await provider.GetCloudIdAsync(s_options, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }
}
