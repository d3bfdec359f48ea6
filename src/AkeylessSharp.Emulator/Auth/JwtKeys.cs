using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using AkeylessSharp.Emulator.Wire;

namespace AkeylessSharp.Emulator.Auth;

/// <summary>
/// Loads verification keys from PEM (public key or certificate) and JWKS documents. A malformed key throws
/// (<see cref="CryptographicException"/>, <see cref="ArgumentException"/>, <see cref="JsonException"/>, <see cref="FormatException"/>
/// or a 400 <see cref="CommandException"/>); the seed loads every key once at start-up, so auth calls never meet one.
/// </summary>
internal static class JwtKeys
{
    public static List<AsymmetricAlgorithm> Load(IEnumerable<string> pems, JsonElement? jwks)
    {
        var keys = new List<AsymmetricAlgorithm>();
        foreach (var pem in pems)
        {
            keys.Add(FromPem(pem));
        }

        if (jwks is { } doc)
        {
            var root = doc.ValueKind == JsonValueKind.String ? JsonDocument.Parse(doc.GetString()!).RootElement : doc;
            var list = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("keys", out var k) ? k : root;
            foreach (var jwk in list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : Enumerable.Repeat(list, 1))
            {
                if (jwk.ValueKind != JsonValueKind.Object)
                {
                    throw new FormatException($"jwks must be a JWK set or a JWK object; it holds a {jwk.ValueKind.ToString().ToLowerInvariant()}");
                }

                if (FromJwk(jwk) is { } key)
                {
                    keys.Add(key);
                }
            }
        }

        return keys;
    }

    public static AsymmetricAlgorithm FromPem(string pem)
    {
        if (pem.Contains("CERTIFICATE", StringComparison.Ordinal))
        {
            using var cert = X509Certificate2.CreateFromPem(pem);
            return (AsymmetricAlgorithm?)cert.GetRSAPublicKey() ?? cert.GetECDsaPublicKey()
                ?? throw Errors.AuthFailed("configured certificate has no RSA/ECDSA key");
        }

        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            return rsa;
        }
        catch (CryptographicException)
        {
            rsa.Dispose();
        }

        var ec = ECDsa.Create();
        ec.ImportFromPem(pem);
        return ec;
    }

    private static AsymmetricAlgorithm? FromJwk(JsonElement jwk)
    {
        string? Get(string name) => jwk.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        byte[] Bytes(string name) => Get(name) is { Length: > 0 } value
            ? AuthRequest.DecodeBase64(value, "jwks")
            : throw new FormatException($"a {Get("kty")} JWK has no \"{name}\"");
        switch (Get("kty"))
        {
            case "RSA":
                return RSA.Create(new RSAParameters { Modulus = Bytes("n"), Exponent = Bytes("e") });
            case "EC":
                var curve = Get("crv") switch
                {
                    "P-256" => ECCurve.NamedCurves.nistP256,
                    "P-384" => ECCurve.NamedCurves.nistP384,
                    "P-521" => ECCurve.NamedCurves.nistP521,
                    _ => (ECCurve?)null,
                };
                return curve is null ? null : ECDsa.Create(new ECParameters { Curve = curve.Value, Q = new ECPoint { X = Bytes("x"), Y = Bytes("y") } });
            default:
                return null;
        }
    }
}
