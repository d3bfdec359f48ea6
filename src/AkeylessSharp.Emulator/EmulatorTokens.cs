using AkeylessSharp.Emulator.Auth;

namespace AkeylessSharp.Emulator;

/// <summary>
/// Revokes or shortens the tokens the emulator issued, so a test can make a client meet a dead session and
/// re-authenticate without restarting anything. The same operations are served at <c>/__emulator/tokens/*</c>.
/// Bulk operations act on API (<c>t-</c>) tokens: universal identity (<c>u-</c>) tokens are credentials, revoked one by one.
/// </summary>
public sealed class EmulatorTokens
{
    private readonly TokenStore _store;
    private readonly AuthDirectory _directory;

    internal EmulatorTokens(TokenStore store, AuthDirectory directory)
    {
        _store = store;
        _directory = directory;
    }

    /// <summary>Revokes one token; the next request that sends it gets 401.</summary>
    /// <param name="token">A <c>t-</c> or <c>u-</c> token the emulator issued.</param>
    /// <returns><see langword="true"/> when the token was live and is now revoked.</returns>
    /// <exception cref="ArgumentException"><paramref name="token"/> is empty.</exception>
    public bool Revoke(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        return _store.Revoke(token);
    }

    /// <summary>Revokes every API token issued to the auth method <paramref name="authMethodName"/>.</summary>
    /// <param name="authMethodName">The auth method's name, such as <c>/ci/key</c>.</param>
    /// <returns>How many tokens were revoked.</returns>
    /// <exception cref="ArgumentException">No auth method has that name.</exception>
    public int RevokeAll(string authMethodName) => _store.RevokeApiTokens(RequireMethod(authMethodName, nameof(authMethodName)));

    /// <summary>
    /// Makes the API tokens issued so far expire <paramref name="delay"/> from now on the emulator's clock
    /// (tokens due to expire earlier keep their time); <see cref="TimeSpan.Zero"/> expires them at once.
    /// </summary>
    /// <param name="delay">How long the tokens stay valid; not negative.</param>
    /// <param name="authMethodName">Only the tokens of this auth method; <see langword="null"/> means every method.</param>
    /// <returns>How many tokens were shortened.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative.</exception>
    /// <exception cref="ArgumentException">No auth method is named <paramref name="authMethodName"/>.</exception>
    public int ExpireAll(TimeSpan delay, string? authMethodName = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return _store.ExpireApiTokens(delay, authMethodName is null ? null : RequireMethod(authMethodName, nameof(authMethodName)));
    }

    private string RequireMethod(string name, string paramName)
    {
        ArgumentException.ThrowIfNullOrEmpty(name, paramName);
        return (name.Length <= ItemPath.MaxLength ? _directory.FindByName(name)?.Name : null)
            ?? throw new ArgumentException($"No auth method is named '{(name.Length > 100 ? name[..100] + "..." : name)}'.", paramName);
    }
}
