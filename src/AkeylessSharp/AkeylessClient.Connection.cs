using AkeylessSharp.Diagnostics;
using AkeylessSharp.Http.Contracts;
using AkeylessSharp.Http.Internal;

namespace AkeylessSharp;

/// <content>SSH certificates and the connection test.</content>
public partial class AkeylessClient
{
    /// <inheritdoc />
    /// <exception cref="AkeylessNotFoundException">No SSH certificate issuer exists at <paramref name="issuer"/>.</exception>
    public virtual async Task<string> GetSshCertificateAsync(string issuer, string username, string publicKey, TimeSpan? ttl = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issuer);
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        ArgumentException.ThrowIfNullOrWhiteSpace(publicKey);
        var request = new GetSshCertificateRequest
        {
            CertIssuerName = issuer,
            CertUsername = username,
            PublicKeyData = publicKey.Trim(),
            Ttl = ttl is { } t ? (long)t.TotalSeconds : null,
        };
        var response = await InvokeAsync(CommandCatalog.GetSshCertificate, issuer, request, AkeylessJsonContext.Default.GetSshCertificateRequest,
            AkeylessJsonContext.Default.GetSshCertificateResponse, null, cancellationToken).ConfigureAwait(false);
        return response.Data is { Length: > 0 } data
            ? data.Trim()
            : throw Errors.Internal.ExceptionFactory.InvalidResponse(CommandCatalog.GetSshCertificate, issuer, "no certificate in 'data'");
    }

    /// <inheritdoc />
    public virtual async Task<ConnectionTestResult> TestConnectionAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            return new ConnectionTestResult(true, $"Authenticated to {_transport.BaseUri} with access type {AkeylessAccessTypeNames.ToWireName(_options.AccessType)}; the token is valid until {token.ExpiresAt:O}.");
        }
        catch (AkeylessException ex)
        {
            Log.ConnectionTestFailed(_logger, ex.Message);
            return new ConnectionTestResult(false, ex.Message) { Error = ex };
        }
    }
}
