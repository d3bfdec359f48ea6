using AkeylessSharp.Http.Contracts;

namespace AkeylessSharp.Auth.Internal;

/// <summary>
/// <c>uid</c>: exchanges the universal identity token for an API token (<c>access-type:"universal_identity"</c>),
/// so every command carries a <c>t-</c> token with a known expiry, like the other access types.
/// </summary>
internal sealed class UniversalIdentityAuthenticator(AuthContext context) : IAkeylessAuthenticator
{
    public ValueTask<AkeylessToken> AuthenticateAsync(CancellationToken cancellationToken) =>
        context.AuthenticateAsync(
            new AuthRequest { AccessType = "universal_identity", AccessId = context.Options.AccessId, UidToken = context.Options.UidToken },
            cancellationToken);
}
