using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using AkeylessSharp.CloudId.Tests.TestSupport;

namespace AkeylessSharp.CloudId.Tests.Gcp;

/// <summary>
/// The Native AOT metadata-server path against a metadata host that misbehaves or is misconfigured: every failure is an
/// <see cref="AkeylessCloudIdException"/> naming the host and the fix, never the answer's body, and nothing follows a redirect.
/// </summary>
public sealed class MetadataServerMisbehaviourTests
{
    private static readonly RSA s_googleKey = RSA.Create(2048);
    private static readonly AkeylessClientOptions s_clientOptions = new() { AccessType = AkeylessAccessType.Gcp, AccessId = "p-abcdefghijgg" };
    private static readonly Dictionary<string, string> s_flavor = new() { ["Metadata-Flavor"] = "Google" };

    [Theory]
    [InlineData("http://{0}")]
    [InlineData("{0}/computeMetadata")]
    [InlineData("{0}?x=")]
    [InlineData("user@{0}")]
    [InlineData("{0} ")]
    [InlineData("metadata host")]
    [InlineData("127.0.0.1:99999")]
    [InlineData("https://metadata.google.internal")]
    public async Task OddMetadataHost_ThrowsNamingTheVariableAndNeverAsks(string pattern)
    {
        using var server = new ScriptedHttpServer(_ => new ScriptedResponse(200, IdToken("akeyless.io"), s_flavor));
        string host = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, server.Host);

        var ex = await Assert.ThrowsAsync<AkeylessCloudIdException>(() => Provider(host).GetCloudIdAsync(s_clientOptions, CancellationToken.None).AsTask());

        Assert.Contains("GCE_METADATA_HOST", ex.Message, StringComparison.Ordinal);
        Assert.Contains("host[:port]", ex.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData(null, "metadata.google.internal")]
    [InlineData("", "metadata.google.internal")]
    [InlineData("metadata.google.internal", "metadata.google.internal")]
    [InlineData("169.254.169.254", "169.254.169.254")]
    [InlineData("169.254.169.254:80", "169.254.169.254:80")]
    [InlineData("[::1]:8080", "[::1]:8080")]
    [InlineData("localhost:1", "localhost:1")]
    public void MetadataHost_PlainHostAndPort_IsUsedAsGiven(string? configured, string expected) =>
        Assert.Equal(expected, AkeylessSharp.CloudId.Gcp.Internal.MetadataHost.Resolve(configured));

    [Theory]
    [InlineData("<html><body>Captive portal</body></html>")]
    [InlineData("not a token")]
    [InlineData("a.b")]
    [InlineData("{\"token\": \"x\"}")]
    public async Task AnswerIsNotAnIdToken_ThrowsWithoutEchoingIt(string body)
    {
        using var server = new ScriptedHttpServer(_ => new ScriptedResponse(200, body, s_flavor));

        var ex = await Assert.ThrowsAsync<AkeylessCloudIdException>(() => Provider(server.Host).GetCloudIdAsync(s_clientOptions, CancellationToken.None).AsTask());

        Assert.Contains("not an ID token", ex.Message, StringComparison.Ordinal);
        Assert.Contains(server.Host, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(body, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HugeAnswer_ThrowsWithoutReadingItAll()
    {
        using var server = new ScriptedHttpServer(_ => new ScriptedResponse(200, Headers: s_flavor) { BodyBytes = 512L * 1024 * 1024 });

        var ex = await Assert.ThrowsAsync<AkeylessCloudIdException>(() => Provider(server.Host).GetCloudIdAsync(s_clientOptions, CancellationToken.None).AsTask());

        Assert.Contains("bytes", ex.Message, StringComparison.Ordinal);
        Assert.Contains(server.Host, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(401)]
    public async Task ErrorStatus_ThrowsNamingTheStatus(int status)
    {
        using var server = new ScriptedHttpServer(_ => new ScriptedResponse(status, "<html>Internal error: secret-ish detail</html>", s_flavor));

        var ex = await Assert.ThrowsAsync<AkeylessCloudIdException>(() => Provider(server.Host).GetCloudIdAsync(s_clientOptions, CancellationToken.None).AsTask());

        Assert.Contains($"HTTP {status}", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-ish detail", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redirect_IsNotFollowed()
    {
        using var elsewhere = new ScriptedHttpServer(_ => new ScriptedResponse(200, IdToken("akeyless.io"), s_flavor));
        using var server = new ScriptedHttpServer(_ => new ScriptedResponse(302, "", new Dictionary<string, string>
        {
            ["Metadata-Flavor"] = "Google",
            ["Location"] = $"http://{elsewhere.Host}/computeMetadata/v1/instance/service-accounts/default/identity",
        }));

        var ex = await Assert.ThrowsAsync<AkeylessCloudIdException>(() => Provider(server.Host).GetCloudIdAsync(s_clientOptions, CancellationToken.None).AsTask());

        Assert.Contains("HTTP 302", ex.Message, StringComparison.Ordinal);
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task NeverAnswers_CallerCancels_ThrowsOperationCanceled()
    {
        using var server = new ScriptedHttpServer(_ => ScriptedResponse.Never);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Provider(server.Host).GetCloudIdAsync(s_clientOptions, cts.Token).AsTask());

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task ConcurrentFirstCalls_AllGetTheToken()
    {
        using var server = new ScriptedHttpServer(request => new ScriptedResponse(200, IdToken("akeyless.io"), s_flavor));
        var provider = Provider(server.Host);

        var cloudIds = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => provider.GetCloudIdAsync(s_clientOptions, CancellationToken.None).AsTask())));

        Assert.All(cloudIds, id => Assert.Equal("akeyless.io", (string?)TestJwt.ReadClaims(TestJwt.DecodeCloudId(id))["aud"]));
        Assert.All(server.Requests, r => Assert.Equal("Google", r.Headers["Metadata-Flavor"]));
    }

    private static GcpCloudIdProvider Provider(string host) =>
        new(null, null, _ => throw new InvalidOperationException("Google.Apis.Auth must not be asked under Native AOT."), dynamicCodeSupported: false,
            environment: name => name == "GCE_METADATA_HOST" ? host : null);

    private static string IdToken(string audience) => TestJwt.Create(s_googleKey, new JsonObject
    {
        ["iss"] = "https://accounts.google.com",
        ["aud"] = audience,
        ["email"] = "sa@test-project.iam.gserviceaccount.com",
        ["exp"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(),
    });
}
