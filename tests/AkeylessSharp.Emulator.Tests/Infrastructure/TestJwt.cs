using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace AkeylessSharp.Emulator.Tests.Infrastructure;

/// <summary>Builds signed (RS256/ES256) or unsigned JWTs for auth tests.</summary>
public static class TestJwt
{
    public static string B64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Create(JsonObject claims, RSA? rsa = null, ECDsa? ec = null)
    {
        var alg = rsa is not null ? "RS256" : ec is not null ? "ES256" : "none";
        var header = B64Url(Encoding.UTF8.GetBytes(new JsonObject { ["alg"] = alg, ["typ"] = "JWT" }.ToJsonString()));
        var payload = B64Url(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        var input = Encoding.ASCII.GetBytes(header + "." + payload);
        var sig = rsa?.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            ?? ec?.SignData(input, HashAlgorithmName.SHA256)
            ?? [1, 2, 3];
        return header + "." + payload + "." + B64Url(sig);
    }

    public static JsonObject Claims(DateTimeOffset now, string iss, string aud, TimeSpan? lifetime = null, string sub = "ci") => new()
    {
        ["iss"] = iss,
        ["aud"] = aud,
        ["sub"] = sub,
        ["iat"] = now.ToUnixTimeSeconds(),
        ["exp"] = (now + (lifetime ?? TimeSpan.FromMinutes(5))).ToUnixTimeSeconds(),
    };

    public static string Json(string s) => System.Text.Json.JsonSerializer.Serialize(s);
}
