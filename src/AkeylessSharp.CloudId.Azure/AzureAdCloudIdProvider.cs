using AkeylessSharp.Auth;
using System.Text;
using AkeylessSharp.CloudId.Azure.Internal;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AkeylessSharp.CloudId;

/// <summary>
/// The <c>azure_ad</c> cloud id: base64 of an Azure AD access token for Azure Resource Manager, as the official
/// Akeyless cloud-id helpers send it. Akeyless checks the token's tenant (<c>tid</c>) and object id (<c>oid</c>).
/// </summary>
/// <remarks>
/// The token comes from <see cref="AkeylessAzureCloudIdOptions.AzureCredential"/>; else, when
/// <see cref="AkeylessClientOptions.AzureObjectId"/> is set, from the user-assigned managed identity with that object id;
/// else from <c>DefaultAzureCredential</c>. Azure.Identity caches and renews the token. Thread-safe.
/// </remarks>
public sealed class AzureAdCloudIdProvider : ICloudIdProvider
{
    private readonly TokenCredential? _credential;
    private readonly string _scope;
    private readonly Func<string?, TokenCredential> _createDefault;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private DefaultCredential? _default;

    /// <summary>Creates a provider that uses <c>DefaultAzureCredential</c> or the managed identity named by <see cref="AkeylessClientOptions.AzureObjectId"/>.</summary>
    public AzureAdCloudIdProvider()
        : this(null, null)
    {
    }

    /// <summary>Creates a provider.</summary>
    /// <param name="options">The credential and scope to use; <see langword="null"/> for the defaults.</param>
    public AzureAdCloudIdProvider(AkeylessAzureCloudIdOptions? options)
        : this(options, null)
    {
    }

    // The clock is the system's, not the container's TimeProvider: it is compared with the expiry Azure AD wrote into the token.
    internal AzureAdCloudIdProvider(AkeylessAzureCloudIdOptions? options, ILogger? logger, Func<string?, TokenCredential>? createDefault = null, TimeProvider? timeProvider = null)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
        _credential = options?.AzureCredential;
        // Trimmed as GcpAudience is: a scope read from a file or variable often ends in a newline, sent as part of the resource.
        _scope = string.IsNullOrWhiteSpace(options?.AzureScope) ? AkeylessAzureCloudIdOptions.DefaultAzureScope : options.AzureScope.Trim();
        _createDefault = createDefault ?? CreateDefaultCredential;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <inheritdoc/>
    public AkeylessAccessType AccessType => AkeylessAccessType.AzureAd;

    /// <summary>Gets an access token and returns its base64 as the <c>cloud-id</c> of the <c>auth</c> call.</summary>
    /// <param name="options">The client's options; <see cref="AkeylessClientOptions.AzureObjectId"/> selects a user-assigned managed identity.</param>
    /// <param name="cancellationToken">Cancels the token request.</param>
    /// <returns>The base64 cloud id.</returns>
    /// <exception cref="AkeylessCloudIdException">No credential could issue a token.</exception>
    public async ValueTask<string> GetCloudIdAsync(AkeylessClientOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var credential = _credential ?? GetDefault(options.AzureObjectId);
        var name = Describe(credential, options.AzureObjectId);

        AccessToken token;
        try
        {
            token = await credential.GetTokenAsync(new TokenRequestContext([_scope]), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            // DefaultAzureCredential reports a chain cut short by the caller as CredentialUnavailableException; it was a cancellation.
            throw new OperationCanceledException("The azure_ad token request was cancelled by the caller.", ex, cancellationToken);
        }
        catch (AuthenticationFailedException ex)
        {
            // CredentialUnavailableException (nothing configured) derives from it; so do IMDS and sign-in failures.
            throw AzureCloudIdErrors.AzureUnavailable(name, _scope, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A caller's own TokenCredential, or Azure.Core's pipeline timing out on its own: anything but the caller's cancellation.
            throw AzureCloudIdErrors.AzureCredentialFailed(name, _scope, ex);
        }

        if (string.IsNullOrEmpty(token.Token))
        {
            throw AzureCloudIdErrors.AzureEmptyToken(name);
        }

        if (token.ExpiresOn <= _timeProvider.GetUtcNow())
        {
            throw AzureCloudIdErrors.AzureExpiredToken(name, token.ExpiresOn);
        }

        Log.AzureCloudIdCreated(_logger, name, token.ExpiresOn);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(token.Token));
    }

    internal TokenCredential GetDefault(string? objectId)
    {
        objectId = string.IsNullOrWhiteSpace(objectId) ? null : objectId.Trim();
        var current = Volatile.Read(ref _default);
        if (current is not null && current.ObjectId == objectId)
        {
            return current.Credential;
        }

        // Kept across calls so Azure.Identity's token cache is reused; replaced only if AzureObjectId changes.
        var created = new DefaultCredential(objectId, _createDefault(objectId));
        Volatile.Write(ref _default, created);
        return created.Credential;
    }

    private static TokenCredential CreateDefaultCredential(string? objectId) => objectId is null
        ? new DefaultAzureCredential()
        : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedObjectId(objectId));

    private static string Describe(TokenCredential credential, string? objectId) => credential switch
    {
        ManagedIdentityCredential when !string.IsNullOrWhiteSpace(objectId) => $"ManagedIdentityCredential (object id {objectId.Trim()})",
        _ => credential.GetType().Name,
    };

    private sealed record DefaultCredential(string? ObjectId, TokenCredential Credential);
}
