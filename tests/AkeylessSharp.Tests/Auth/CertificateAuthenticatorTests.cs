using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using AkeylessSharp.Auth.Internal;

namespace AkeylessSharp.Tests.Auth;

public sealed class CertificateAuthenticatorTests
{
    private const string Pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----";

    [Fact]
    public void ToBase64Pem_PemInput_EncodesIt()
    {
        var encoded = CertificateAuthenticator.ToBase64Pem(Pem, "CertificateData");

        Assert.StartsWith("-----BEGIN CERTIFICATE-----", Encoding.UTF8.GetString(Convert.FromBase64String(encoded)), StringComparison.Ordinal);
    }

    [Fact]
    public void ToBase64Pem_Base64Input_KeepsIt()
    {
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(Pem));

        Assert.Equal(base64, CertificateAuthenticator.ToBase64Pem(base64, "CertificateData"));
    }

    [Theory]
    [InlineData("Bag Attributes\n    localKeyID: 01 02\nsubject=CN = app\nissuer=CN = ca\n")]
    [InlineData("Bag Attributes\r\n    friendlyName: app\r\nKey Attributes: <No Attributes>\r\n")]
    public void ToBase64Pem_TextBeforeTheFirstBlock_AsOpensslPkcs12WritesIt_IsLeftOut(string preamble)
    {
        var clean = CertificateAuthenticator.ToBase64Pem(Pem, "CertificateData");

        Assert.Equal(clean, CertificateAuthenticator.ToBase64Pem(preamble + Pem, "CertificateData"));
        Assert.Equal(clean, CertificateAuthenticator.ToBase64Pem(Convert.ToBase64String(Encoding.UTF8.GetBytes(preamble + Pem)), "CertificateData"));
    }

    [Fact]
    public void ToBase64Pem_Base64OfADerCertificate_IsSentAsItsPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = new CertificateRequest("CN=app", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));

        var encoded = CertificateAuthenticator.ToBase64Pem(Convert.ToBase64String(certificate.RawData), "CertificateData");

        Assert.Equal(certificate.ExportCertificatePem().ReplaceLineEndings("\n") + "\n", Encoding.UTF8.GetString(Convert.FromBase64String(encoded)));
    }

    public static TheoryData<string, string> DerKeys()
    {
        using var rsa = RSA.Create(2048);
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new()
        {
            { Convert.ToBase64String(rsa.ExportPkcs8PrivateKey()), "PRIVATE KEY" },
            { Convert.ToBase64String(ec.ExportPkcs8PrivateKey()), "PRIVATE KEY" },
            { Convert.ToBase64String(rsa.ExportRSAPrivateKey()), "RSA PRIVATE KEY" },
            { Convert.ToBase64String(ec.ExportECPrivateKey()), "EC PRIVATE KEY" },
        };
    }

    [Theory]
    [MemberData(nameof(DerKeys))]
    public void ToBase64Pem_Base64OfADerKey_IsSentAsPemUnderItsLabel(string der, string label)
    {
        var encoded = CertificateAuthenticator.ToBase64Pem(der, "PrivateKeyData");

        Assert.Equal(PemEncoding.WriteString(label, Convert.FromBase64String(der)) + "\n", Encoding.UTF8.GetString(Convert.FromBase64String(encoded)));
    }

    [Theory]
    [InlineData("not-a-certificate")]
    [InlineData("text mentioning -----BEGIN CERTIFICATE----- mid-line")]
    [InlineData("aGVsbG8=")]
    public void ToBase64Pem_Neither_ThrowsWithoutData(string data)
    {
        var ex = Assert.Throws<AkeylessConfigurationException>(() => CertificateAuthenticator.ToBase64Pem(data, "PrivateKeyData"));

        Assert.Equal("PrivateKeyData", ex.Field);
        Assert.DoesNotContain(data, ex.Message, StringComparison.Ordinal);
    }
}
