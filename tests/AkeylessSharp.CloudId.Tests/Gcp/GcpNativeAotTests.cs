using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AkeylessSharp.CloudId.Tests.Emulator;
using AkeylessSharp.CloudId.Tests.TestSupport;

namespace AkeylessSharp.CloudId.Tests.Gcp;

/// <summary>
/// The gcp provider as it runs under Native AOT (where Google.Apis.Auth cannot parse credential files or token answers):
/// without a given credential it asks the metadata server itself. <c>eng/aot.sh</c> runs the same path in a published executable.
/// </summary>
public sealed class GcpNativeAotTests
{
    private static readonly RSA s_googleKey = RSA.Create(2048);
    private static readonly AkeylessClientOptions s_clientOptions = new() { AccessType = AkeylessAccessType.Gcp, AccessId = CloudIdEmulator.GcpAccessId };

    [Fact]
    public async Task MetadataServer_IdTokenForTheAudience_AuthenticatesToTheEmulator()
    {
        using var metadata = new FakeMetadataServer(IdToken);
        var provider = NativeAotProvider(("GCE_METADATA_HOST", metadata.Host));
        await using var emulator = await CloudIdEmulator.StartAsync();

        var cloudId = await provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None);
        var (status, token, error) = await emulator.AuthAsync("gcp", CloudIdEmulator.GcpAccessId, cloudId);

        Assert.True(status == HttpStatusCode.OK, error);
        Assert.NotNull(token);
        Assert.Equal([("akeyless.io", true, "full")], metadata.Requests);
    }

    [Fact]
    public async Task MetadataServer_CustomAudience_IsAskedFor()
    {
        using var metadata = new FakeMetadataServer(IdToken);
        var provider = NativeAotProvider(("GCE_METADATA_HOST", metadata.Host));

        var cloudId = await provider.GetCloudIdAsync(new AkeylessClientOptions { AccessType = AkeylessAccessType.Gcp, AccessId = "p-abcdefghijgg", GcpAudience = "https://akeyless.example/a b" }, CancellationToken.None);

        Assert.Equal("https://akeyless.example/a b", (string?)TestJwt.ReadClaims(TestJwt.DecodeCloudId(cloudId))["aud"]);
        Assert.Equal("https://akeyless.example/a b", Assert.Single(metadata.Requests).Audience);
    }

    [Fact]
    public async Task CredentialFileSet_ThrowsNamingTheVariableAndNativeAot_WithoutAskingTheMetadataServer()
    {
        using var metadata = new FakeMetadataServer(IdToken);
        var provider = NativeAotProvider(("GCE_METADATA_HOST", metadata.Host), ("GOOGLE_APPLICATION_CREDENTIALS", "/secrets/sa.json"));

        var ex = await Assert.ThrowsAsync<AkeylessCloudIdException>(() => provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None).AsTask());

        Assert.Contains("GOOGLE_APPLICATION_CREDENTIALS", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Native AOT", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, metadata.IdentityRequests);
    }

    [Theory]
    [InlineData(404, true, "HTTP 404")]
    [InlineData(200, false, "Metadata-Flavor")]
    public async Task MetadataServerRefusesOrIsNotOne_ThrowsCloudIdException(int status, bool flavorHeader, string expected)
    {
        using var metadata = new FakeMetadataServer(IdToken) { IdentityStatus = status, SendsFlavorHeader = flavorHeader };
        var provider = NativeAotProvider(("GCE_METADATA_HOST", metadata.Host));

        var ex = await Assert.ThrowsAsync<AkeylessCloudIdException>(() => provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None).AsTask());

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains(metadata.Host, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MetadataServerUnreachable_ThrowsCloudIdExceptionNamingTheHost()
    {
        string host = $"127.0.0.1:{ClosedPort()}";
        var provider = NativeAotProvider(("GCE_METADATA_HOST", host));

        var ex = await Assert.ThrowsAsync<AkeylessCloudIdException>(() => provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None).AsTask());

        Assert.Contains(host, ex.Message, StringComparison.Ordinal);
        Assert.Contains("metadata server", ex.Message, StringComparison.Ordinal);
    }

    private static GcpCloudIdProvider NativeAotProvider(params (string Name, string Value)[] variables) =>
        new(null, null, _ => throw new InvalidOperationException("Google.Apis.Auth must not be asked under Native AOT."), dynamicCodeSupported: false,
            environment: name => variables.FirstOrDefault(v => v.Name == name).Value);

    private static string IdToken(string audience) => TestJwt.Create(s_googleKey, new JsonObject
    {
        ["iss"] = "https://accounts.google.com",
        ["aud"] = audience,
        ["email"] = CloudIdEmulator.ServiceAccount,
        ["email_verified"] = true,
        ["exp"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(),
    });

    private static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
