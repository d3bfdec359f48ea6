using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using AkeylessSharp.Emulator.Auth;
using AkeylessSharp.Emulator.Wire;

namespace AkeylessSharp.Emulator.Seed;

/// <summary>
/// Loads the keys and certificates an auth method trusts once at start-up, so a malformed one stops the emulator with
/// a message naming the method instead of failing every later <c>auth</c> call with a 500.
/// </summary>
internal static class SeedTrust
{
    public static void Check(AuthMethodSeed method)
    {
        try
        {
            if (method.Jwt is { } jwt)
            {
                JwtKeys.Load(jwt.PublicKeys, jwt.Jwks).ForEach(k => k.Dispose());
            }

            foreach (var config in method.K8s?.Configs ?? [])
            {
                if (config.PublicKeyPem is { Length: > 0 } pem)
                {
                    JwtKeys.FromPem(pem).Dispose();
                }
            }

            if (method.Cert is { } cert)
            {
                CheckCertificates(cert.CaCertificatePem);
            }
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or JsonException or FormatException or CommandException)
        {
            throw new InvalidOperationException($"Seed auth method '{method.Name}' has a key or certificate that cannot be loaded: {e.Message}", e);
        }
    }

    private static void CheckCertificates(string pem)
    {
        var certificates = new X509Certificate2Collection();
        certificates.ImportFromPem(pem);
        var count = certificates.Count;
        foreach (var c in certificates)
        {
            c.Dispose();
        }

        if (count == 0)
        {
            throw new FormatException("caCertificatePem holds no PEM certificate");
        }
    }
}
