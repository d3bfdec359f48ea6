using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace AkeylessSharp.Tests.Infrastructure;

/// <summary>Keys, certificates and JWTs minted per test run; their public halves go into the emulator seed.</summary>
internal sealed class TestCredentials : IDisposable
{
    public const string JwtAccessId = "p-jwtmethod00o1";
    public const string K8sAccessId = "p-k8smethod00k1";
    public const string CertAccessId = "p-certmethod0c1";
    public const string UidAccessId = "p-uidmethod00u1";
    public const string ReaderAccessId = "p-readeronly0a1";
    public const string ReaderAccessKey = "reader-key-123";
    public const string UidToken = "u-testuidtoken0001";
    public const string K8sConfig = "cluster-a";
    public const string Issuer = "https://issuer.test";
    public const string Audience = "akeyless";

    private readonly RSA _jwtKey = RSA.Create(2048);
    private readonly RSA _caKey = RSA.Create(2048);
    private readonly RSA _clientKey = RSA.Create(2048);
    private readonly RSA _sshCaKey = RSA.Create(2048);
    private readonly X509Certificate2 _ca;
    private readonly X509Certificate2 _client;

    public TestCredentials(DateTimeOffset now)
    {
        Now = now;
        var caRequest = new CertificateRequest("CN=Test CA", _caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        _ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        var clientRequest = new CertificateRequest("CN=client", _clientKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        _client = clientRequest.Create(_ca, now.AddDays(-1), now.AddMonths(6), [1, 2, 3, 4]);
        ServiceAccountToken = CreateJwt(new Dictionary<string, object> { ["sub"] = "system:serviceaccount:default:app" }, now.AddHours(2));
    }

    public DateTimeOffset Now { get; }

    public string ServiceAccountToken { get; }

    public string ClientCertificatePem => _client.ExportCertificatePem();

    public string ClientKeyPem => _clientKey.ExportPkcs8PrivateKeyPem();

    public string Jwt(TimeSpan? lifetime = null) =>
        CreateJwt(new Dictionary<string, object> { ["iss"] = Issuer, ["aud"] = Audience, ["sub"] = "ci" }, Now + (lifetime ?? TimeSpan.FromHours(2)));

    public object SeedAuthMethods() => new object[]
    {
        new { name = "jwt-am", accessId = JwtAccessId, type = "jwt", jwt = new { issuer = Issuer, audience = Audience, publicKeys = new[] { _jwtKey.ExportSubjectPublicKeyInfoPem() } } },
        new { name = "k8s-am", accessId = K8sAccessId, type = "k8s", k8s = new { configs = new[] { new { name = K8sConfig, tokens = new[] { ServiceAccountToken } } } } },
        new { name = "cert-am", accessId = CertAccessId, type = "cert", cert = new { caCertificatePem = _ca.ExportCertificatePem() } },
        new { name = "uid-am", accessId = UidAccessId, type = "universal_identity" },
        new { name = "reader", accessId = ReaderAccessId, type = "access_key", accessKey = ReaderAccessKey },
    };

    public string SshCaPrivateKeyPem => _sshCaKey.ExportPkcs8PrivateKeyPem();

    public void Dispose()
    {
        _ca.Dispose();
        _client.Dispose();
        _jwtKey.Dispose();
        _caKey.Dispose();
        _clientKey.Dispose();
        _sshCaKey.Dispose();
    }

    private string CreateJwt(Dictionary<string, object> claims, DateTimeOffset expires)
    {
        claims["exp"] = expires.ToUnixTimeSeconds();
        claims["iat"] = Now.ToUnixTimeSeconds();
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = "RS256", ["typ"] = "JWT" }));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = _jwtKey.SignData(Encoding.ASCII.GetBytes($"{header}.{payload}"), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{payload}.{Base64Url(signature)}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
