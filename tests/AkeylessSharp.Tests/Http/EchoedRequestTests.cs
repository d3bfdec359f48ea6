using System.Text.Json;
using AkeylessSharp.Tests.Infrastructure.Wire;

namespace AkeylessSharp.Tests.Http;

/// <summary>
/// A proxy or a buggy Gateway that quotes the request it rejects: the error message keeps the service's words but not
/// the credential, token or secret value the request carried, whether the echo is plain, JSON-escaped or cut short.
/// </summary>
public sealed class EchoedRequestTests
{
    private const string AccessKey = "raw-server-access-key";
    private const string SecretValue = "echoed-s3cret \"quoted\" \u00e9t\u00e9";

    public static TheoryData<string> Echoes => new() { "error field", "plain text", "long page" };

    [Theory]
    [MemberData(nameof(Echoes))]
    public async Task Auth_RejectionEchoingTheRequest_OmitsTheAccessKey(string echo)
    {
        await using var server = new RawHttpServer((request, stream, stop) => Echo(echo, 400, request, stream, stop), answerAuth: false);
        using var client = server.Client();

        var ex = await Assert.ThrowsAsync<AkeylessBadRequestException>(() => client.GetSecretAsync("/p").AsTask());

        Assert.Equal("auth", ex.Command);
        Assert.DoesNotContain(AccessKey, ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("raw-server-acc", ex.ToString(), StringComparison.Ordinal);
        Assert.Contains("rejected", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Echoes))]
    public async Task Write_FailureEchoingTheRequest_OmitsTokenAndValue(string echo)
    {
        await using var server = new RawHttpServer((request, stream, stop) => Echo(echo, 500, request, stream, stop));
        using var client = server.Client();

        var ex = await Assert.ThrowsAsync<AkeylessServiceUnavailableException>(() => client.CreateSecretAsync("/w", SecretValue));

        var text = ex.ToString() + ex.ServiceMessage;
        Assert.DoesNotContain(RawHttpServer.Token, text, StringComparison.Ordinal);
        Assert.DoesNotContain("echoed-s3cret", text, StringComparison.Ordinal);
        Assert.Contains("rejected", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task YourHttpClient_HandlerSendingACopyOfTheBody_StillGetsTheTypedErrorWithoutTheAccessKey()
    {
        await using var server = new RawHttpServer((request, stream, stop) => Echo("plain text", 400, request, stream, stop), answerAuth: false);
        using var http = new HttpClient(new ContentCopyingHandler { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false } });
        using var client = new AkeylessClient(http, server.Options());

        var ex = await Assert.ThrowsAsync<AkeylessBadRequestException>(() => client.GetSecretAsync("/p").AsTask());

        Assert.Equal("auth", ex.Command);
        Assert.DoesNotContain(AccessKey, ex.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("k8s")]
    [InlineData("cert")]
    public async Task Auth_RejectionQuotingTheDecodedCredential_OmitsIt(string accessType)
    {
        // The body carries the service-account token and the private key base64-encoded; a Gateway decodes them, and a
        // careless one quotes what it decoded.
        const string ServiceAccountToken = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2EifQ.raw-k8s-signature";
        const string Key = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7raw\n-----END PRIVATE KEY-----\n";
        var field = accessType == "k8s" ? "k8s-service-account-token" : "key-data";
        await using var server = new RawHttpServer(
            (request, stream, stop) =>
            {
                using var body = JsonDocument.Parse(request.Body);
                var decoded = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(body.RootElement.GetProperty(field).GetString()!));
                return RawWire.WriteJsonAsync(stream, 401, JsonSerializer.Serialize(new { error = $"rejected: could not validate {decoded}" }), stop);
            },
            answerAuth: false);
        using var client = server.Client(o =>
        {
            o.AccessKey = null;
            if (accessType == "k8s")
            {
                o.AccessType = AkeylessAccessType.Kubernetes;
                o.K8sAuthConfigName = "k8s-conf";
                o.K8sServiceAccountToken = ServiceAccountToken;
            }
            else
            {
                o.AccessType = AkeylessAccessType.Certificate;
                o.CertificateData = "-----BEGIN CERTIFICATE-----\nMIIBraw\n-----END CERTIFICATE-----\n";
                o.PrivateKeyData = Key;
            }
        });

        var ex = await Assert.ThrowsAsync<AkeylessUnauthorizedException>(() => client.GetSecretAsync("/p").AsTask());

        var text = ex.ToString() + ex.ServiceMessage;
        Assert.Contains("rejected: could not validate", text, StringComparison.Ordinal);
        Assert.DoesNotContain(accessType == "k8s" ? "raw-k8s-signature" : "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7raw", text, StringComparison.Ordinal);
    }

    private static Task Echo(string echo, int status, RawRequest request, Stream stream, CancellationToken stop)
    {
        // "long page": the echo starts just before the 512 characters the message keeps, so a cut could show a prefix.
        var padding = echo == "long page" ? new string('.', 500) : string.Empty;
        var said = $"rejected {padding}{request.BodyText}";
        return echo == "error field"
            ? RawWire.WriteJsonAsync(stream, status, JsonSerializer.Serialize(new { error = said }), stop)
            : RawWire.WriteAnswerAsync(stream, status, "text/plain", System.Text.Encoding.UTF8.GetBytes(said), stop);
    }

    /// <summary>A caller's handler that sends its own copy of the body, as a compressing or signing handler would.</summary>
    private sealed class ContentCopyingHandler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var copy = new ByteArrayContent(await request.Content!.ReadAsByteArrayAsync(cancellationToken));
            copy.Headers.ContentType = request.Content.Headers.ContentType;
            request.Content = copy;
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
