using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AkeylessSharp.Emulator.Auth;

/// <summary>AWS Signature Version 4 (header form), enough to recompute the signature of a signed STS request.</summary>
internal static class SigV4
{
    public static string Sign(
        string secretAccessKey, string method, Uri url, IReadOnlyDictionary<string, string> signedHeaderValues,
        IReadOnlyList<string> signedHeaders, byte[] body, string amzDate, string scope)
    {
        var canonicalHeaders = new StringBuilder();
        foreach (var h in signedHeaders)
        {
            canonicalHeaders.Append(h).Append(':').Append(signedHeaderValues.GetValueOrDefault(h, "")).Append('\n');
        }

        var canonicalRequest = string.Join('\n',
            method.ToUpperInvariant(),
            CanonicalPath(url),
            CanonicalQuery(url),
            canonicalHeaders.ToString(),
            string.Join(';', signedHeaders),
            Hex(SHA256.HashData(body)));
        var stringToSign = string.Join('\n', "AWS4-HMAC-SHA256", amzDate, scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));

        var parts = scope.Split('/');
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), parts[0]);
        key = Hmac(key, parts[1]);
        key = Hmac(key, parts[2]);
        key = Hmac(key, parts[3]);
        return Hex(Hmac(key, stringToSign));
    }

    /// <summary>Header value normalization: trimmed values, inner whitespace runs collapsed, joined by commas.</summary>
    public static string CanonicalValue(IEnumerable<string> values) =>
        string.Join(',', values.Select(v => string.Join(' ', v.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries))));

    private static string CanonicalPath(Uri url)
    {
        var path = url.AbsolutePath;
        return string.IsNullOrEmpty(path) ? "/" : path;
    }

    private static string CanonicalQuery(Uri url)
    {
        var query = url.Query.TrimStart('?');
        if (query.Length == 0)
        {
            return "";
        }

        return string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p =>
            {
                var i = p.IndexOf('=', StringComparison.Ordinal);
                var k = Uri.UnescapeDataString(i < 0 ? p : p[..i]);
                var v = i < 0 ? "" : Uri.UnescapeDataString(p[(i + 1)..]);
                return (K: Uri.EscapeDataString(k), V: Uri.EscapeDataString(v));
            })
            .OrderBy(p => p.K, StringComparer.Ordinal).ThenBy(p => p.V, StringComparer.Ordinal)
            .Select(p => p.K + "=" + p.V));
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
