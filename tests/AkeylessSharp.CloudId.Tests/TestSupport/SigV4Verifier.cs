using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AkeylessSharp.CloudId.Tests.TestSupport;

/// <summary>
/// A decoded <c>aws_iam</c> cloud id and an independent SigV4 check of it (written from the AWS specification, not the
/// SDK), so the tests prove the SDK-signed request verifies the way STS and the emulator verify it.
/// </summary>
internal sealed record DecodedAwsCloudId(
    IReadOnlyDictionary<string, string> Fields,
    string Method,
    string Url,
    string Body,
    IReadOnlyDictionary<string, string[]> Headers)
{
    public static DecodedAwsCloudId Decode(string cloudId)
    {
        var fields = JsonSerializer.Deserialize<Dictionary<string, string>>(Convert.FromBase64String(cloudId))!;
        var headers = JsonSerializer.Deserialize<Dictionary<string, string[]>>(Convert.FromBase64String(fields["sts_request_headers"]))!;
        return new DecodedAwsCloudId(
            fields,
            fields["sts_request_method"],
            Encoding.UTF8.GetString(Convert.FromBase64String(fields["sts_request_url"])),
            Encoding.UTF8.GetString(Convert.FromBase64String(fields["sts_request_body"])),
            new Dictionary<string, string[]>(headers, StringComparer.OrdinalIgnoreCase));
    }

    public string Header(string name) => Assert.Single(Headers[name]);

    public AuthorizationHeader Authorization => AuthorizationHeader.Parse(Header("Authorization"));

    /// <summary>Recomputes the signature with <paramref name="secretAccessKey"/> and compares it with the one sent.</summary>
    public bool SignatureMatches(string secretAccessKey)
    {
        var auth = Authorization;
        var uri = new Uri(Url);
        var canonicalHeaders = new StringBuilder();
        foreach (var name in auth.SignedHeaders)
        {
            canonicalHeaders.Append(name).Append(':').Append(string.Join(',', Headers[name]).Trim()).Append('\n');
        }

        var canonicalRequest = string.Join('\n',
            Method,
            uri.AbsolutePath,
            uri.Query.TrimStart('?'),
            canonicalHeaders.ToString(),
            string.Join(';', auth.SignedHeaders),
            Hex(SHA256.HashData(Encoding.UTF8.GetBytes(Body))));
        var amzDate = Header("X-Amz-Date");
        var stringToSign = string.Join('\n', "AWS4-HMAC-SHA256", amzDate, auth.Scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));

        var key = Encoding.UTF8.GetBytes("AWS4" + secretAccessKey);
        foreach (var part in auth.Scope.Split('/'))
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        var expected = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(auth.Signature));
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLower(CultureInfo.InvariantCulture);
}

internal sealed record AuthorizationHeader(string Algorithm, string AccessKeyId, string Scope, IReadOnlyList<string> SignedHeaders, string Signature)
{
    public static AuthorizationHeader Parse(string value)
    {
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        var parts = value[(space + 1)..].Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var credential = parts["Credential"];
        var slash = credential.IndexOf('/', StringComparison.Ordinal);
        return new AuthorizationHeader(value[..space], credential[..slash], credential[(slash + 1)..], parts["SignedHeaders"].Split(';'), parts["Signature"]);
    }
}
