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

        if (text.StartsWith("-----BEGIN", StringComparison.Ordinal))
        {
            return Convert.ToBase64String(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n") + "\n"));
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(text));
            if (decoded.TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal))
            {
                return text;
            }
        }
        catch (FormatException)
        {
            // Fall through to the error below, which never echoes the data.
        }

        throw new AkeylessConfigurationException($"{field} is neither PEM text (-----BEGIN ...) nor base64 of PEM.", field);
    }
}
