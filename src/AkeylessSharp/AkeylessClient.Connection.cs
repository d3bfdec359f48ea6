using AkeylessSharp.Diagnostics;
using AkeylessSharp.Diagnostics.Internal;
using AkeylessSharp.Http.Contracts;
using AkeylessSharp.Http.Internal;
using Microsoft.Extensions.Logging;

namespace AkeylessSharp;

/// <content>SSH certificates and the connection test.</content>
public partial class AkeylessClient
{
    // Matches no item name in practice, so the probe's listing is one small page whatever the account holds.
    private const string ProbeFilter = "akeyless-sharp-connection-test-7f3c";

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ttl"/> is zero or negative.</exception>
    /// <exception cref="AkeylessNotFoundException">No SSH certificate issuer exists at <paramref name="issuer"/>.</exception>
    public virtual async Task<string> GetSshCertificateAsync(string issuer, string username, string publicKey, TimeSpan? ttl = null, CancellationToken cancellationToken = default)
    {
        Internal.SentText.ThrowIfInvalidPath(issuer);
        ArgumentException.ThrowIfNullOrWhiteSpace(username);
        Internal.SentText.ThrowIfNotText(username, "The username", nameof(username));
        ArgumentException.ThrowIfNullOrWhiteSpace(publicKey);
        Internal.SentText.ThrowIfNotText(publicKey, "The public key", nameof(publicKey));
        if (ttl is { } lifetime && lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(ttl), lifetime, $"ttl {lifetime} is not a certificate lifetime: use a positive TimeSpan, or null for the issuer's.");
        }

        var request = new GetSshCertificateRequest
        {
            CertIssuerName = issuer,
            CertUsername = username,
            PublicKeyData = publicKey.Trim(),
            // Whole seconds, rounded up: truncated, a sub-second ttl would ask for 0, which is no lifetime at all.
            Ttl = ttl is { } t ? (long)Math.Ceiling(t.TotalSeconds) : null,
        };
        var response = await InvokeAsync(CommandCatalog.GetSshCertificate, issuer, request, AkeylessJsonContext.Default.GetSshCertificateRequest,
            AkeylessJsonContext.Default.GetSshCertificateResponse, null, cancellationToken).ConfigureAwait(false);
        return response.Data is { Length: > 0 } data
            ? data.Trim()
            : throw Errors.Internal.ExceptionFactory.InvalidResponse(CommandCatalog.GetSshCertificate, issuer, "no certificate in 'data'");
    }

    /// <inheritdoc />
    /// <remarks>
    /// Contacts Akeyless on every call, even with a token cached: authenticates when needed, then makes one cheap
    /// authorized call (a filtered listing of <c>/</c>). A 403 or 404 on that listing still proves the service and the
    /// token work, and counts as success.
    /// </remarks>
    /// <exception cref="ObjectDisposedException">The client is disposed.</exception>
    public virtual async Task<ConnectionTestResult> TestConnectionAsync(CancellationToken cancellationToken = default)
    {
        var staleAt = _secretCache?.LastStaleServedAt;
        var authenticated = false;
        try
        {
            _ = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            authenticated = true;
            var note = await ProbeAsync(cancellationToken).ConfigureAwait(false);
            var token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            return new ConnectionTestResult(true, $"Authenticated to {_transport.BaseUri} with access type {AkeylessAccessTypeNames.ToWireName(_options.AccessType)}, and Akeyless answered an authorized call{note}; the token is valid until {token.ExpiresAt:O}.")
            {
                LastStaleValueServedAt = staleAt,
            };
        }
        catch (AkeylessException ex)
        {
            // The token manager logs each failed authentication once, at Warning: a probe repeating it would double the noise.
            var authenticationFailed = !authenticated || ex.Command is CommandCatalog.Auth or CommandCatalog.StaticCredsAuth;
            Log.ConnectionTestFailed(_logger, authenticationFailed ? LogLevel.Debug : LogLevel.Warning, ex.Message);
            return new ConnectionTestResult(false, ex.Message) { Error = ex, LastStaleValueServedAt = staleAt };
        }
    }

    /// <summary>Reports the health probe's failed read of its probe secret once: event 302 at Warning, like a failed connection test.</summary>
    internal void ReportProbeSecretFailed(string path, AkeylessException failure) =>
        Log.ConnectionTestFailed(_logger, LogLevel.Warning, $"the probe secret {Errors.Internal.Quote.Of(path)} could not be read: {failure.Message}");

    private async Task<string> ProbeAsync(CancellationToken cancellationToken)
    {
        var request = new ListItemsRequest { Path = "/", Filter = ProbeFilter, AutoPagination = "disabled", MinimalView = true };

        // Ends with this method: the probe's failure is logged once, by TestConnectionAsync (event 302).
        FailuresReportedByCaller.Set();
        try
        {
            await InvokeAsync(CommandCatalog.ListItems, "/", request, AkeylessJsonContext.Default.ListItemsRequest,
                AkeylessJsonContext.Default.ListItemsResponse, null, cancellationToken).ConfigureAwait(false);
            return string.Empty;
        }
        catch (AkeylessException ex) when (ex is AkeylessForbiddenException or AkeylessNotFoundException)
        {
            return " (its roles may not list '/')";
        }
    }
}
