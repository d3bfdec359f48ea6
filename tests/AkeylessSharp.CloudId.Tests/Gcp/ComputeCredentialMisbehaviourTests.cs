using AkeylessSharp.CloudId.Tests.TestSupport;
using Google.Apis.Auth.OAuth2;

namespace AkeylessSharp.CloudId.Tests.Gcp;

/// <summary>
/// Google.Apis.Auth's Compute Engine credential (the application default on Google Cloud) asking a metadata server on
/// loopback (<c>GCE_METADATA_HOST</c>) that answers badly or never: an <see cref="AkeylessCloudIdException"/> naming the
/// audience, or the caller's <see cref="OperationCanceledException"/>.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class ComputeCredentialMisbehaviourTests
{
    private static readonly AkeylessClientOptions s_clientOptions = new() { AccessType = AkeylessAccessType.Gcp, AccessId = "p-abcdefghijgg" };
    private static readonly Dictionary<string, string> s_flavor = new() { ["Metadata-Flavor"] = "Google" };

    public static TheoryData<int, string, bool, string> BadAnswers => new()
    {
        { 200, "<html><body>Captive portal</body></html>", true, "not an ID token" },
        { 200, "a.b.c", false, "not an ID token" },
        { 500, "internal error", true, "refused or got no answer" },
        { 302, "", true, "refused or got no answer" },
    };

    [Theory]
    [MemberData(nameof(BadAnswers))]
    public async Task MetadataServer_BadAnswer_ThrowsCloudIdException(int status, string body, bool flavored, string expected)
    {
        using var server = new ScriptedHttpServer(_ => new ScriptedResponse(status, body, flavored ? s_flavor : null));
        using var env = new EnvironmentScope().Set("GCE_METADATA_HOST", server.Host);

        var ex = await Assert.ThrowsAsync<AkeylessCloudIdException>(() => Provider().GetCloudIdAsync(s_clientOptions, CancellationToken.None).AsTask());

        Assert.Equal(AkeylessAccessType.Gcp, ex.AccessType);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains("akeyless.io", ex.Message, StringComparison.Ordinal);
        Assert.NotEmpty(server.Requests);
        Assert.DoesNotContain("user credentials", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MetadataServer_NeverAnswers_CallerCancels_ThrowsOperationCanceled()
    {
        using var server = new ScriptedHttpServer(_ => ScriptedResponse.Never);
        using var env = new EnvironmentScope().Set("GCE_METADATA_HOST", server.Host);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Provider().GetCloudIdAsync(s_clientOptions, cts.Token).AsTask());
    }

    private static GcpCloudIdProvider Provider() => new(new AkeylessGcpCloudIdOptions
    {
        GoogleCredential = new ComputeCredential(new ComputeCredential.Initializer()).ToGoogleCredential(),
    });
}
