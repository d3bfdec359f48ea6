using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;

namespace AkeylessSharp.Emulator.Tests.Auth;

public sealed class CertAuthTests : EmulatorTestBase
{
    private static readonly ECDsa CaKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private static readonly ECDsa OtherCaKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private static readonly ECDsa ClientKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private static readonly X509Certificate2 Ca = CreateCa(CaKey, "CN=Emulator Test CA");
    private static readonly X509Certificate2 OtherCa = CreateCa(OtherCaKey, "CN=Other CA");

    protected override AkeylessEmulatorOptions CreateOptions() => new()
    {
        SeedJson = $$"""
        { "authMethods": [ { "name": "/cert", "accessId": "p-certmethod00c0", "type": "cert", "cert": { "caCertificatePem": {{TestJwt.Json(Ca.ExportCertificatePem())}} } } ] }
        """,
    };

    private static X509Certificate2 CreateCa(ECDsa key, string subject)
    {
        var req = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return req.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, ECDsa caKey, DateTimeOffset? notAfter = null)
    {
        _ = caKey; // the CA certificate from CreateSelfSigned already carries its key
        var req = new CertificateRequest("CN=client", ClientKey, HashAlgorithmName.SHA256);
        return req.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), notAfter ?? DateTimeOffset.UtcNow.AddDays(30), [1, 2, 3, 4]);
    }

    private static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s));

    private Task<ApiResponse> AuthAsync(X509Certificate2 cert, string keyPem) => Client.PostAsync("auth", new JsonObject
    {
        ["access-id"] = "p-certmethod00c0", ["access-type"] = "cert", ["cert-data"] = B64(cert.ExportCertificatePem()), ["key-data"] = B64(keyPem),
    }, withToken: false);

    [Fact]
    public async Task Cert_ChainsToCaWithMatchingKey_ReturnsToken()
    {
        using var cert = Issue(Ca, CaKey);

        (await AuthAsync(cert, ClientKey.ExportPkcs8PrivateKeyPem())).AssertStatus(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Cert_SignedByOtherCa_Returns401()
    {
        using var cert = Issue(OtherCa, OtherCaKey);

        (await AuthAsync(cert, ClientKey.ExportPkcs8PrivateKeyPem())).AssertStatus(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Cert_KeyDoesNotMatch_Returns401()
    {
        using var cert = Issue(Ca, CaKey);
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        (await AuthAsync(cert, stranger.ExportPkcs8PrivateKeyPem())).AssertStatus(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Cert_Expired_Returns401()
    {
        using var cert = Issue(Ca, CaKey, DateTimeOffset.UtcNow.AddHours(-1));

        (await AuthAsync(cert, ClientKey.ExportPkcs8PrivateKeyPem())).AssertStatus(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Cert_ChallengeSignedWithKey_ReturnsToken_ReplayRejected()
    {
        using var cert = Issue(Ca, CaKey);
        var certData = B64(cert.ExportCertificatePem());
        var challenge = (await Client.PostAsync("get-cert-challenge", new JsonObject { ["access-id"] = "p-certmethod00c0", ["cert-data"] = certData }, withToken: false))
            .AssertStatus(HttpStatusCode.OK).Str("challenge");
        var signature = Convert.ToBase64String(ClientKey.SignData(Encoding.UTF8.GetBytes(challenge), HashAlgorithmName.SHA256));
        JsonObject Body() => new()
        {
            ["access-id"] = "p-certmethod00c0", ["access-type"] = "cert", ["cert-data"] = certData,
            ["cert-challenge"] = challenge, ["signed-cert-challenge"] = signature,
        };

        (await Client.PostAsync("auth", Body(), withToken: false)).AssertStatus(HttpStatusCode.OK);
        (await Client.PostAsync("auth", Body(), withToken: false)).AssertStatus(HttpStatusCode.Unauthorized);
    }
}
