using System.Text;
using AkeylessSharp.Http.Contracts;

namespace AkeylessSharp.Auth.Internal;

/// <summary>
/// <c>certificate</c> (<c>cert</c> on the wire): sends <c>cert-data</c> and <c>key-data</c> as base64 of the PEM text,
/// accepting either PEM or already-base64 input (the Airflow connection form gives PEM, its extras often base64).
/// </summary>
internal sealed class CertificateAuthenticator(AuthContext context) : IAkeylessAuthenticator
{
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
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(text));
            var decodedText = decoded.Trim();
            if (PemBlocks(decodedText) is { } decodedPem)
            {
                return ReferenceEquals(decodedPem, decodedText) ? text : Encode(decodedPem);
            }
        }
        catch (FormatException)
        {
            // Fall through to the error below, which never echoes the data.
        }

        throw new AkeylessConfigurationException($"{field} is neither PEM text (-----BEGIN ...) nor base64 of PEM.", field);
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
