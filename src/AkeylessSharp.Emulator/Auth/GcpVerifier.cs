using AkeylessSharp.Emulator.Seed;
using AkeylessSharp.Emulator.Wire;

namespace AkeylessSharp.Emulator.Auth;

/// <summary>
/// <c>gcp</c>: the cloud id is base64 of a Google ID token. Google's signature is not checked offline; the
/// emulator checks <c>aud</c> = <c>gcp-audience</c> (default akeyless.io), <c>email</c> and <c>exp</c>.
/// </summary>
internal sealed class GcpVerifier : IAuthVerifier
{
    public string AccessType => "gcp";

    public AuthMethodSeed Verify(AuthRequest request)
    {
        var method = request.RequireMethod(AccessType);
        var jwt = JwtToken.Parse(CloudIdJwt.Decode(request.Body.RequiredString("cloud-id")), "cloud-id");
        var trust = method.Gcp ?? throw Errors.AuthFailed($"auth method {method.Name} has no gcp trust configured");
        var audience = request.Body.String("gcp-audience") is { Length: > 0 } a ? a : "akeyless.io";
        if (!jwt.HasAudience(audience) || (trust.Audience.Length > 0 && !jwt.HasAudience(trust.Audience)))
        {
            throw Errors.AuthFailed($"gcp id token audience does not match '{audience}'");
        }

        jwt.CheckLifetime(request.Now, "gcp id token");
        if (!trust.ServiceAccounts.Contains(jwt.Claim("email") ?? "", StringComparer.OrdinalIgnoreCase))
        {
            throw Errors.AuthFailed($"service account '{jwt.Claim("email")}' is not bound to {method.Name}");
        }

        return method;
    }
}
