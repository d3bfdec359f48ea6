using System.Text;
using AkeylessSharp.Emulator.Seed;
using AkeylessSharp.Emulator.Wire;

namespace AkeylessSharp.Emulator.Auth;

/// <summary>
/// <c>k8s</c>: the config name must belong to the method, and the service-account JWT (sent base64-encoded)
/// must be one of the config's accepted tokens or verify with its PEM public key (plus issuer and exp).
/// </summary>
internal sealed class K8sVerifier : IAuthVerifier
{
    public string AccessType => "k8s";

    public AuthMethodSeed Verify(AuthRequest request)
    {
        var method = request.RequireMethod(AccessType);
        var configName = request.Body.RequiredString("k8s-auth-config-name");
        var encoded = request.Body.RequiredString("k8s-service-account-token");
        var config = method.K8s?.Configs.FirstOrDefault(c => c.Name == configName)
            ?? throw Errors.AuthFailed($"k8s auth config '{configName}' is not configured for {method.Name}");

        // Clients send base64(JWT); a raw JWT is accepted too.
        var token = encoded.Count(c => c == '.') == 2 ? encoded : Encoding.UTF8.GetString(AuthRequest.DecodeBase64(encoded, "k8s-service-account-token"));
        if (config.Tokens.Contains(token, StringComparer.Ordinal))
        {
            return method;
        }

        if (config.PublicKeyPem is not { Length: > 0 } pem)
        {
            throw Errors.AuthFailed("the service account token is not accepted by the k8s auth config");
        }

        var jwt = JwtToken.Parse(token, "k8s-service-account-token");
        using var key = JwtKeys.FromPem(pem);
        if (!jwt.VerifySignature([key]))
        {
            throw Errors.AuthFailed("the service account token signature does not verify with the k8s auth config key");
        }

        if (config.Issuer is { Length: > 0 } iss && jwt.Claim("iss") != iss)
        {
            throw Errors.AuthFailed($"service account token issuer '{jwt.Claim("iss")}' is not the expected '{iss}'");
        }

        if (jwt.Claim("exp") is not null)
        {
            jwt.CheckLifetime(request.Now, "k8s-service-account-token");
        }

        return method;
    }
}
