namespace AkeylessSharp.Auth;

/// <summary>
/// Obtains an API token for one access type. The client calls it only when its cached token is missing,
/// close to expiry or rejected, and never twice at once.
/// </summary>
public interface IAkeylessAuthenticator
{
    /// <summary>Authenticates and returns a token with its expiry.</summary>
    /// <param name="cancellationToken">Cancels the authentication.</param>
    /// <returns>The token.</returns>
    /// <exception cref="AkeylessUnauthorizedException">The service rejected the credentials.</exception>
    /// <exception cref="AkeylessConfigurationException">A credential is missing or unreadable.</exception>
    ValueTask<AkeylessToken> AuthenticateAsync(CancellationToken cancellationToken);
}
