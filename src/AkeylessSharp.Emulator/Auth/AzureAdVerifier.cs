using System.Text;
using AkeylessSharp.Emulator.Seed;
using AkeylessSharp.Emulator.Wire;

namespace AkeylessSharp.Emulator.Auth;

/// <summary>
/// <c>azure_ad</c>: the cloud id is an Azure AD access token (raw or base64). Its signature cannot be checked
/// offline, so the emulator checks only the claims: <c>tid</c> (and <c>oid</c> when bound) and <c>exp</c>.
/// </summary>
internal sealed class AzureAdVerifier : IAuthVerifier
{
    public string AccessType => "azure_ad";

    public AuthMethodSeed Verify(AuthRequest request)
    {
        var method = request.RequireMethod(AccessType);
        var jwt = JwtToken.Parse(CloudIdJwt.Decode(request.Body.RequiredString("cloud-id")), "cloud-id");
        var trust = method.AzureAd ?? throw Errors.AuthFailed($"auth method {method.Name} has no azure_ad trust configured");
        jwt.CheckLifetime(request.Now, "azure_ad token");
        if (!trust.TenantIds.Contains(jwt.Claim("tid") ?? "", StringComparer.OrdinalIgnoreCase))
        {
            throw Errors.AuthFailed($"tenant '{jwt.Claim("tid")}' is not bound to {method.Name}");
        }

        if (trust.ObjectIds.Count > 0 && !trust.ObjectIds.Contains(jwt.Claim("oid") ?? "", StringComparer.OrdinalIgnoreCase))
        {
            throw Errors.AuthFailed($"object id '{jwt.Claim("oid")}' is not bound to {method.Name}");
        }

        return method;
    }
}

/// <summary>Cloud ids carrying a JWT: raw, or base64 of it.</summary>
internal static class CloudIdJwt
{
    public static string Decode(string cloudId) =>
        cloudId.Count(c => c == '.') == 2 ? cloudId : Encoding.UTF8.GetString(AuthRequest.DecodeBase64(cloudId, "cloud-id"));
}
