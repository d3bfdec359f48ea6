using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using AkeylessSharp.Http.Contracts;

namespace AkeylessSharp.Auth.Internal;

/// <summary>
/// <c>certificate</c> (<c>cert</c> on the wire): sends <c>cert-data</c> and <c>key-data</c> as base64 of the PEM text,
/// accepting PEM, already-base64 input (the Airflow connection form gives PEM, its extras often base64), or base64 of DER.
/// </summary>
internal sealed class CertificateAuthenticator(AuthContext context) : IAkeylessAuthenticator
{
    private static readonly (string Label, Action<byte[]> Load)[] s_keyFormats =
    [
        ("PRIVATE KEY", static der => { using var key = RSA.Create(); key.ImportPkcs8PrivateKey(der, out _); }),
        ("PRIVATE KEY", static der => { using var key = ECDsa.Create(); key.ImportPkcs8PrivateKey(der, out _); }),
        ("RSA PRIVATE KEY", static der => { using var key = RSA.Create(); key.ImportRSAPrivateKey(der, out _); }),
        ("EC PRIVATE KEY", static der => { using var key = ECDsa.Create(); key.ImportECPrivateKey(der, out _); }),
    ];

    public ValueTask<AkeylessToken> AuthenticateAsync(CancellationToken cancellationToken)
    {
        var options = context.Options;
        var request = new AuthRequest
        {
            AccessType = "cert",
            AccessId = options.AccessId,
            CertData = ToBase64Pem(options.CertificateData, nameof(AkeylessClientOptions.CertificateData)),
            KeyData = ToBase64Pem(options.PrivateKeyData, nameof(AkeylessClientOptions.PrivateKeyData)),
        };
        return context.AuthenticateAsync(request, cancellationToken);
    }

    /// <summary>Returns base64 of the PEM text, whether <paramref name="data"/> is PEM or base64 of PEM.</summary>
    internal static string ToBase64Pem(string? data, string field)
    {
        var text = data?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new AkeylessConfigurationException($"{field} is required for access type certificate: give the PEM text or its base64.", field);
        }

        if (PemBlocks(text) is { } pem)
        {
            return Encode(pem);
        }

        try
        {
            var bytes = Convert.FromBase64String(text);
            var decodedText = Encoding.UTF8.GetString(bytes).Trim();
            if (PemBlocks(decodedText) is { } decodedPem)
            {
                return ReferenceEquals(decodedPem, decodedText) ? text : Encode(decodedPem);
            }

            if (DerAsPem(bytes, isKey: field == nameof(AkeylessClientOptions.PrivateKeyData)) is { } derPem)
            {
                return Encode(derPem);
            }
        }
        catch (FormatException)
        {
            // Fall through to the error below, which never echoes the data.
        }

        throw new AkeylessConfigurationException($"{field} is neither PEM text (-----BEGIN ...) nor base64 of PEM or of DER.", field);
    }

    /// <summary>
    /// Base64 of DER (<c>openssl x509 -outform der | base64</c>, a PEM body without its lines) as PEM text: a certificate,
    /// or a PKCS#8, RSA or EC private key, each recognised by loading it; <see langword="null"/> for anything else.
    /// </summary>
    private static string? DerAsPem(byte[] der, bool isKey)
    {
        if (!isKey)
        {
            try
            {
                using var certificate = X509CertificateLoader.LoadCertificate(der);
                return certificate.ExportCertificatePem();
            }
            catch (CryptographicException)
            {
                return null;
            }
        }

        foreach (var (label, load) in s_keyFormats)
        {
            try
            {
                load(der);
                return PemEncoding.WriteString(label, der);
            }
            catch (CryptographicException)
            {
                // Not this format: try the next.
            }
        }

        return null;
    }

    /// <summary>
    /// The text from its first <c>-----BEGIN</c> line on, or <see langword="null"/> without one: what <c>openssl pkcs12</c>
    /// writes before the blocks (<c>Bag Attributes</c>, <c>subject=</c>, <c>issuer=</c> lines) is not PEM and is left out.
    /// </summary>
    private static string? PemBlocks(string text)
    {
        const string Begin = "-----BEGIN";
        if (text.StartsWith(Begin, StringComparison.Ordinal))
        {
            return text;
        }

        int line = text.IndexOf("\n" + Begin, StringComparison.Ordinal);
        return line < 0 ? null : text[(line + 1)..];
    }

    private static string Encode(string pem) => Convert.ToBase64String(Encoding.UTF8.GetBytes(pem.ReplaceLineEndings("\n") + "\n"));
}
