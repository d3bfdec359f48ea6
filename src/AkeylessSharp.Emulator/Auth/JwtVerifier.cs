using AkeylessSharp.Emulator.Seed;
using AkeylessSharp.Emulator.Wire;

namespace AkeylessSharp.Emulator.Auth;

/// <summary><c>jwt</c>: signature against the configured keys, then iss, aud, exp/nbf and bound claims.</summary>
internal sealed class JwtVerifier : IAuthVerifier
{
    public string AccessType => "jwt";

    public AuthMethodSeed Verify(AuthRequest request)
    {
        var method = request.RequireMethod(AccessType);
        var jwt = JwtToken.Parse(request.Body.RequiredString("jwt"), "jwt");
        var trust = method.Jwt ?? throw Errors.AuthFailed($"auth method {method.Name} has no jwt trust configured");
        var keys = JwtKeys.Load(trust.PublicKeys, trust.Jwks);
        try
        {
            if (!jwt.VerifySignature(keys))
            {
                throw Errors.AuthFailed($"jwt signature ({jwt.Algorithm}) does not verify with the keys of {method.Name}");
            }
        }
        finally
        {
            keys.ForEach(k => k.Dispose());
        }

        if (trust.Issuer is { Length: > 0 } iss && jwt.Claim("iss") != iss)
        {
            throw Errors.AuthFailed($"jwt issuer '{jwt.Claim("iss")}' is not the expected '{iss}'");
        }

        if (trust.Audience is { Length: > 0 } aud && !jwt.HasAudience(aud))
        {
            throw Errors.AuthFailed($"jwt audience does not include '{aud}'");
        }

        jwt.CheckLifetime(request.Now, "jwt");
        foreach (var (claim, expected) in trust.BoundClaims)
        {
            var allowed = expected.Split(',', StringSplitOptions.TrimEntries);
            if (!allowed.Contains(jwt.Claim(claim)))
            {
                throw Errors.AuthFailed($"jwt claim '{claim}' does not match the bound value");
            }
        }

        return method;
    }
}
