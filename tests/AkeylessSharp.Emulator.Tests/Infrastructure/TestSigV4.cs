using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace AkeylessSharp.Emulator.Tests.Infrastructure;

/// <summary>Builds an aws_iam cloud id the way the official cloud-id helpers do: a SigV4-signed STS GetCallerIdentity.</summary>
public static class TestSigV4
{
    public const string GetCallerIdentityBody = "Action=GetCallerIdentity&Version=2011-06-15";

    /// <param name="body">The signed form body; another action makes a validly signed request that is not an identity proof.</param>
    /// <param name="host">The host the request is signed for and sent to.</param>
    public static string CloudId(
        string accessKeyId, string secret, DateTimeOffset now, string? sessionToken = null, bool tamper = false,
        string body = GetCallerIdentityBody, string host = "sts.amazonaws.com")
    {
        var amzDate = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var date = amzDate[..8];
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["content-length"] = body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["content-type"] = "application/x-www-form-urlencoded; charset=utf-8",
            ["host"] = host,
            ["x-amz-date"] = amzDate,
        };
        if (sessionToken is not null)
        {
            headers["x-amz-security-token"] = sessionToken;
        }

        var signedHeaders = string.Join(';', headers.Keys);
        var canonical = string.Join('\n', "POST", "/", "", string.Concat(headers.Select(h => $"{h.Key}:{h.Value}\n")), signedHeaders, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(body))));
        var scope = $"{date}/us-east-1/sts/aws4_request";
        var toSign = string.Join('\n', "AWS4-HMAC-SHA256", amzDate, scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))));
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secret), date);
        key = Hmac(key, "us-east-1");
        key = Hmac(key, "sts");
        key = Hmac(key, "aws4_request");
        var signature = Hex(Hmac(key, toSign));

        var wire = new JsonObject
        {
            ["Authorization"] = new JsonArray($"AWS4-HMAC-SHA256 Credential={accessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}"),
            ["Content-Length"] = new JsonArray(headers["content-length"]),
            ["Content-Type"] = new JsonArray(headers["content-type"]),
            ["Host"] = new JsonArray(host),
            ["X-Amz-Date"] = new JsonArray(amzDate),
        };
        if (sessionToken is not null)
        {
            wire["X-Amz-Security-Token"] = new JsonArray(sessionToken);
        }

        var sentBody = tamper ? body.Replace("2011-06-15", "2011-06-16", StringComparison.Ordinal) : body;
        var doc = new JsonObject
        {
            ["sts_request_method"] = "POST",
            ["sts_request_url"] = B64($"https://{host}/"),
            ["sts_request_body"] = B64(sentBody),
            ["sts_request_headers"] = B64(wire.ToJsonString()),
        };
        return B64(doc.ToJsonString());
    }

    private static string B64(string s) => Convert.ToBase64String(Encoding.UTF8.GetBytes(s));

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] b) => Convert.ToHexStringLower(b);
}
