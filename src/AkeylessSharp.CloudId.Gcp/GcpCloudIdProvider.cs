using System.Runtime.CompilerServices;
using System.Text;
using AkeylessSharp.Auth;
using AkeylessSharp.CloudId.Gcp.Internal;
using Google.Apis.Auth;
using Google.Apis.Auth.OAuth2;
using Google.Apis.Auth.OAuth2.Responses;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AkeylessSharp.CloudId;

/// <summary>
/// The <c>gcp</c> cloud id: base64 of a Google-signed ID token whose audience is <see cref="AkeylessClientOptions.GcpAudience"/>
/// (default <c>akeyless.io</c>), as the official Akeyless cloud-id helpers send it. Akeyless checks its audience and
/// the service account's email.
/// </summary>
/// <remarks>
/// The token comes from <see cref="AkeylessGcpCloudIdOptions.GoogleCredential"/> or else the application default credentials
/// (<c>GOOGLE_APPLICATION_CREDENTIALS</c>, the gcloud file, the metadata server), which Google.Apis.Auth looks up once per process. Google.Apis.Auth caches the
/// token and renews it before it expires. Thread-safe.
/// <para>
/// Under Native AOT, Google.Apis.Auth cannot parse credential files or token answers (it uses Newtonsoft.Json's reflection),
/// so without a <see cref="AkeylessGcpCloudIdOptions.GoogleCredential"/> the provider asks the metadata server for the
/// attached service account's ID token itself (<c>GCE_METADATA_HOST</c> is honoured), and names the problem when
/// <c>GOOGLE_APPLICATION_CREDENTIALS</c> is set.
/// </para>
/// </remarks>
public sealed class GcpCloudIdProvider : ICloudIdProvider
{
    /// <summary>The audience used when <see cref="AkeylessClientOptions.GcpAudience"/> is empty.</summary>
    public const string DefaultAudience = "akeyless.io";

    private const string CredentialsVariable = "GOOGLE_APPLICATION_CREDENTIALS";

    private readonly GoogleCredential? _credential;
    private readonly Func<CancellationToken, Task<GoogleCredential>> _loadApplicationDefault;
    private readonly ILogger _logger;
    private readonly bool _dynamicCodeSupported;
    private readonly Func<string, string?> _environment;
    private readonly TimeProvider _timeProvider;
    private GoogleCredential? _applicationDefault;
    private AudienceToken? _token;

    /// <summary>Creates a provider that uses the Google application default credentials.</summary>
    public GcpCloudIdProvider()
        : this(null, null)
    {
    }

    /// <summary>Creates a provider.</summary>
    /// <param name="options">The credential to use; <see langword="null"/> for the application default credentials.</param>
    public GcpCloudIdProvider(AkeylessGcpCloudIdOptions? options)
        : this(options, null)
    {
    }

    internal GcpCloudIdProvider(
        AkeylessGcpCloudIdOptions? options,
        ILogger? logger,
        Func<CancellationToken, Task<GoogleCredential>>? loadApplicationDefault = null,
        bool? dynamicCodeSupported = null,
        Func<string, string?>? environment = null,
        TimeProvider? timeProvider = null)
    {
        _credential = options?.GoogleCredential;
        _loadApplicationDefault = loadApplicationDefault ?? GoogleCredential.GetApplicationDefaultAsync;
        _logger = logger ?? NullLogger.Instance;
        _dynamicCodeSupported = dynamicCodeSupported ?? RuntimeFeature.IsDynamicCodeSupported;
        _environment = environment ?? Environment.GetEnvironmentVariable;
        // The system's clock, not the container's TimeProvider: it is compared with the expiry Google wrote into the token.
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc/>
    public AkeylessAccessType AccessType => AkeylessAccessType.Gcp;

    /// <summary>Gets an ID token for the audience and returns its base64 as the <c>cloud-id</c> of the <c>auth</c> call.</summary>
    /// <param name="options">The client's options; <see cref="AkeylessClientOptions.GcpAudience"/> is the token's audience.</param>
    /// <param name="cancellationToken">Cancels the credential lookup and the token request.</param>
    /// <returns>The base64 cloud id.</returns>
    /// <exception cref="AkeylessCloudIdException">No Google credential was found, or it cannot issue ID tokens.</exception>
    public async ValueTask<string> GetCloudIdAsync(AkeylessClientOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var audience = string.IsNullOrWhiteSpace(options.GcpAudience) ? DefaultAudience : options.GcpAudience.Trim();
        if (_credential is null && !_dynamicCodeSupported)
        {
            return await GetFromMetadataServerAsync(audience, cancellationToken).ConfigureAwait(false);
        }

        var credential = _credential ?? await GetApplicationDefaultAsync(cancellationToken).ConfigureAwait(false);
        var name = Describe(credential);

        string token;
        try
        {
            var oidc = await GetOidcTokenAsync(credential, audience, cancellationToken).ConfigureAwait(false);
            token = await oidc.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException or TokenResponseException or HttpRequestException)
        {
            // InvalidOperationException / NotSupportedException: this credential type cannot mint ID tokens (user credentials);
            // TokenResponseException / HttpRequestException: the token endpoint or metadata server refused or was unreachable.
            throw GcpCloudIdErrors.GcpTokenFailed(name, audience, ex);
        }
        catch (Exception ex) when (ex is InvalidJwtException or FormatException)
        {
            // The metadata server (or a token endpoint) answered something that does not parse as a JWT.
            throw GcpCloudIdErrors.GcpTokenMalformed(name, audience, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Anything else but the caller's cancellation: Google.Apis.Auth's own HTTP timeout included.
            throw GcpCloudIdErrors.GcpTokenFailed(name, audience, ex);
        }

        if (string.IsNullOrEmpty(token))
        {
            throw GcpCloudIdErrors.GcpEmptyToken(name);
        }

        RequireUnexpired(token, name);
        Log.GcpCloudIdCreated(_logger, audience, name);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(token));
    }

    /// <summary>
    /// Under Native AOT, the application default credentials without Google.Apis.Auth (which cannot parse them there):
    /// the metadata server's identity, or a clear error for a key file.
    /// </summary>
    private async Task<string> GetFromMetadataServerAsync(string audience, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(_environment(CredentialsVariable)))
        {
            throw GcpCloudIdErrors.CredentialFileUnderNativeAot(CredentialsVariable);
        }

        var host = MetadataHost.Resolve(_environment(MetadataHost.Variable));
        var token = await MetadataServerIdToken.GetAsync(host, audience, cancellationToken).ConfigureAwait(false);
        if (token.Length == 0)
        {
            throw GcpCloudIdErrors.GcpEmptyToken("metadata server's attached service account");
        }

        RequireUnexpired(token, "metadata server's attached service account");
        Log.GcpCloudIdCreated(_logger, audience, "metadata server");
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(token));
    }

    /// <summary>Google.Apis.Auth renews by its own clock and a metadata server may hand out what it has: check the token's own expiry.</summary>
    private void RequireUnexpired(string token, string credential)
    {
        var expiresAt = IdTokenExpiry.Read(token) ?? throw GcpCloudIdErrors.GcpTokenWithoutExpiry(credential);
        var now = _timeProvider.GetUtcNow();
        if (expiresAt <= now)
        {
            throw GcpCloudIdErrors.GcpExpiredToken(credential, expiresAt, now);
        }
    }

    private async Task<GoogleCredential> GetApplicationDefaultAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _applicationDefault) is { } loaded)
        {
            return loaded;
        }

        try
        {
            // Only a success is kept here. (Google.Apis.Auth itself remembers the default lookup's outcome for the process.)
            loaded = await _loadApplicationDefault(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex) when (IsUnreadableCredentialFile(ex))
        {
            throw GcpCloudIdErrors.GcpCredentialFileUnreadable(ex);
        }
        catch (InvalidOperationException ex)
        {
            throw GcpCloudIdErrors.GcpNoCredentials(ex);
        }

        Volatile.Write(ref _applicationDefault, loaded);
        return loaded;
    }

    private async Task<OidcToken> GetOidcTokenAsync(GoogleCredential credential, string audience, CancellationToken cancellationToken)
    {
        // The OidcToken object caches and refreshes the token itself, so keep it while credential and audience stay the same.
        var current = Volatile.Read(ref _token);
        if (current is not null && ReferenceEquals(current.Credential, credential) && current.Audience == audience)
        {
            return current.Token;
        }

        var options = OidcTokenOptions.FromTargetAudience(audience).WithTokenFormat(OidcTokenFormat.Full);
        var token = await credential.GetOidcTokenAsync(options, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _token, new AudienceToken(credential, audience, token));
        return token;
    }

    // Google.Apis.Auth wraps the Newtonsoft.Json failure of reading a malformed credential file.
    private static bool IsUnreadableCredentialFile(InvalidOperationException ex) =>
        ex.InnerException?.GetType().Namespace == "Newtonsoft.Json";

    private static string Describe(GoogleCredential credential) => credential.UnderlyingCredential switch
    {
        ServiceAccountCredential sa => $"service account {sa.Id}",
        ComputeCredential => "Compute Engine metadata credential",
        var other => other?.GetType().Name ?? nameof(GoogleCredential),
    };

    private sealed record AudienceToken(GoogleCredential Credential, string Audience, OidcToken Token);
}
