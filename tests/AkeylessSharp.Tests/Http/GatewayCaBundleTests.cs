using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AkeylessSharp.Tests.Infrastructure.Wire;

namespace AkeylessSharp.Tests.Http;

/// <summary>
/// <see cref="AkeylessClientOptions.GatewayCaBundlePath"/> against a loopback HTTPS Gateway whose certificate a private CA
/// issued through an intermediate, as most PKIs do: the bundle holds the root, the Gateway sends its leaf and the intermediate.
/// </summary>
public sealed class GatewayCaBundleTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("akeyless-ca-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task GatewayCaBundle_RootOnly_GatewaySendsIntermediate_Connects()
    {
        using var pki = TestPki.Create();
        await using var gateway = new RawHttpServer(
            (_, stream, stop) => RawWire.WriteJsonAsync(stream, 200, """{"items":[],"folders":[]}""", stop),
            tls: SslStreamCertificateContext.Create(pki.Leaf, [pki.Intermediate], offline: true));
        using var client = gateway.Client(o => o.GatewayCaBundlePath = WriteBundle(pki.Root));

        var result = await client.TestConnectionAsync();

        Assert.True(result.Success, result.Message);
    }

    [Fact]
    public async Task GatewayCaBundle_AnotherRoot_Refuses()
    {
        using var pki = TestPki.Create();
        using var stranger = TestPki.Create();
        await using var gateway = new RawHttpServer(
            (_, stream, stop) => RawWire.WriteJsonAsync(stream, 200, """{"items":[],"folders":[]}""", stop),
            tls: SslStreamCertificateContext.Create(pki.Leaf, [pki.Intermediate], offline: true));
        using var client = gateway.Client(o => o.GatewayCaBundlePath = WriteBundle(stranger.Root));

        var result = await client.TestConnectionAsync();

        Assert.False(result.Success);
        Assert.Equal(0, gateway.Count("list-items"));
    }

    private string WriteBundle(X509Certificate2 root)
    {
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".pem");
        File.WriteAllText(path, root.ExportCertificatePem());
        return path;
    }

    /// <summary>A root CA, an intermediate CA it signed, and a 127.0.0.1 server certificate the intermediate signed.</summary>
    private sealed record TestPki(X509Certificate2 Root, X509Certificate2 Intermediate, X509Certificate2 Leaf) : IDisposable
    {
        public static TestPki Create()
        {
            var now = DateTimeOffset.UtcNow;
            using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var rootRequest = CaRequest("CN=AkeylessSharp Test Root", rootKey);
            var root = rootRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));

            using var intermediateKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using var intermediatePublic = CaRequest("CN=AkeylessSharp Test Intermediate", intermediateKey).Create(root, now.AddDays(-1), now.AddDays(20), [1]);
            var intermediate = intermediatePublic.CopyWithPrivateKey(intermediateKey);

            using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var leafRequest = new CertificateRequest("CN=127.0.0.1", leafKey, HashAlgorithmName.SHA256);
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(System.Net.IPAddress.Loopback);
            leafRequest.CertificateExtensions.Add(names.Build());
            leafRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            leafRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
            leafRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(leafRequest.PublicKey, false));
            using var leafPublic = leafRequest.Create(intermediate, now.AddDays(-1), now.AddDays(10), [2]);

            // Through PKCS#12, so the server's key is usable on every platform's TLS stack.
            var leaf = X509CertificateLoader.LoadPkcs12(leafPublic.CopyWithPrivateKey(leafKey).Export(X509ContentType.Pkcs12), null);
            return new TestPki(root, intermediate, leaf);
        }

        public void Dispose()
        {
            Root.Dispose();
            Intermediate.Dispose();
            Leaf.Dispose();
        }

        private static CertificateRequest CaRequest(string subject, ECDsa key)
        {
            var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            return request;
        }
    }
}
