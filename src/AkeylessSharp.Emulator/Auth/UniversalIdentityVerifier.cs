using AkeylessSharp.Emulator.Seed;
using AkeylessSharp.Emulator.Wire;

namespace AkeylessSharp.Emulator.Auth;

/// <summary><c>universal_identity</c>: a live <c>u-</c> token issued by <c>uid-generate-token</c> or the seed.</summary>
internal sealed class UniversalIdentityVerifier : IAuthVerifier
{
    public string AccessType => "universal_identity";

    public AuthMethodSeed Verify(AuthRequest request)
    {
        var token = request.Body.String("uid-token") is { Length: > 0 } t ? t : request.Body.String("uid_token");
        if (string.IsNullOrEmpty(token))
        {
            throw Errors.MissingParameter("uid-token");
        }

        if (!token.StartsWith("u-", StringComparison.Ordinal))
        {
            throw Errors.AuthFailed("uid-token must be a universal identity token (u-...)");
        }

        var caller = request.State.Tokens.Resolve(token);
        if (request.Body.String("access-id") is { Length: > 0 } accessId
            && !string.Equals(accessId, caller.Method.AccessId, StringComparison.Ordinal))
        {
            throw Errors.AuthFailed("the uid-token was not issued for this access id");
        }

        return caller.Method;
    }
}
