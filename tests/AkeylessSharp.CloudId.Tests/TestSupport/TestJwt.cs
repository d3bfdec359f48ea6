using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AkeylessSharp.CloudId.Tests.TestSupport;

/// <summary>Makes and reads RS256 JWTs for the fake Azure and Google token sources.</summary>
internal static class TestJwt
{
    public static string Create(RSA key, JsonObject claims, string? keyId = null)
    {
        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT" };
        if (keyId is not null)
        {
            header["kid"] = keyId;
        }

        var signingInput = Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + Base64Url(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url(signature);
    }

    public static JsonObject ReadClaims(string jwt) => JsonNode.Parse(FromBase64Url(jwt.Split('.')[1]))!.AsObject();

    public static bool Verify(RSA key, string jwt)
    {
        var lastDot = jwt.LastIndexOf('.');
        return key.VerifyData(Encoding.ASCII.GetBytes(jwt[..lastDot]), FromBase64Url(jwt[(lastDot + 1)..]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    public static long UnixTime(DateTimeOffset time) => time.ToUnixTimeSeconds();

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }

    public static string DecodeCloudId(string cloudId) => Encoding.UTF8.GetString(Convert.FromBase64String(cloudId));

    public static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
