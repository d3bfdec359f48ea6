using System.Text;
using System.Text.Json;
using AkeylessSharp.Emulator.Wire;

namespace AkeylessSharp.Emulator.Auth;

/// <summary>The decoded aws_iam cloud id: base64 JSON of method, base64 URL, base64 body and base64 JSON headers.</summary>
internal sealed class StsRequest
{
    private readonly Dictionary<string, List<string>> _headers;

    private StsRequest(string method, Uri url, byte[] body, Dictionary<string, List<string>> headers)
    {
        Method = method;
        Url = url;
        Body = body;
        _headers = headers;
    }

    public string Method { get; }

    public Uri Url { get; }

    public byte[] Body { get; }

    public bool HasHeader(string name) => _headers.ContainsKey(name);

    public string Header(string name) =>
        _headers.TryGetValue(name, out var v) ? SigV4.CanonicalValue(v) : throw Errors.AuthFailed($"the signed request has no {name} header");

    public static StsRequest Decode(string cloudId)
    {
        try
        {
            using var doc = JsonDocument.Parse(AuthRequest.DecodeBase64(cloudId, "cloud-id"));
            var root = doc.RootElement;
            string Field(string name, bool required = true) =>
                root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()!
                : required ? throw Errors.AuthFailed($"cloud-id has no {name}") : "";

            var method = Field("sts_request_method");
            var urlText = Encoding.UTF8.GetString(AuthRequest.DecodeBase64(Field("sts_request_url"), "cloud-id sts_request_url"));
            var body = AuthRequest.DecodeBase64(Field("sts_request_body", required: false), "cloud-id sts_request_body");
            var headersJson = AuthRequest.DecodeBase64(Field("sts_request_headers"), "cloud-id sts_request_headers");
            if (!Uri.TryCreate(urlText, UriKind.Absolute, out var url))
            {
                throw Errors.AuthFailed("cloud-id sts_request_url is not an absolute URL");
            }

            using var headersDoc = JsonDocument.Parse(headersJson);
            var headers = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var h in headersDoc.RootElement.EnumerateObject())
            {
                var list = headers.TryGetValue(h.Name, out var existing) ? existing : headers[h.Name.ToLowerInvariant()] = [];
                if (h.Value.ValueKind == JsonValueKind.Array)
                {
                    list.AddRange(h.Value.EnumerateArray().Select(v => v.GetString() ?? ""));
                }
                else
                {
                    list.Add(h.Value.GetString() ?? "");
                }
            }

            return new StsRequest(method, url, body, headers);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or CommandException { StatusCode: 400 })
        {
            throw Errors.AuthFailed($"cloud-id is not a valid aws_iam identity document ({e.Message})");
        }
    }
}

/// <summary>The parts of an <c>AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...</c> header.</summary>
internal sealed record SigV4Authorization(string AccessKeyId, string Scope, string Service, IReadOnlyList<string> SignedHeaders, string Signature)
{
    public static SigV4Authorization Parse(string header)
    {
        const string prefix = "AWS4-HMAC-SHA256 ";
        if (!header.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw Errors.AuthFailed("the Authorization header is not AWS4-HMAC-SHA256");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in header[prefix.Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2))
        {
            if (!fields.TryAdd(pair[0], pair[1]))
            {
                throw Errors.AuthFailed($"the Authorization header gives {(pair[0].Length > 40 ? pair[0][..40] + "..." : pair[0])} twice");
            }
        }

        if (!fields.TryGetValue("Credential", out var credential) || !fields.TryGetValue("SignedHeaders", out var signed)
            || !fields.TryGetValue("Signature", out var signature))
        {
            throw Errors.AuthFailed("the Authorization header lacks Credential, SignedHeaders or Signature");
        }

        var parts = credential.Split('/');
        if (parts.Length != 5 || parts[4] != "aws4_request")
        {
            throw Errors.AuthFailed("the Authorization credential scope is malformed");
        }

        var signedHeaders = signed.Split(';');
        if (signedHeaders.Any(h => h.Length == 0) || signedHeaders.Distinct(StringComparer.OrdinalIgnoreCase).Count() != signedHeaders.Length)
        {
            throw Errors.AuthFailed("the Authorization SignedHeaders list has an empty or repeated header name");
        }

        return new SigV4Authorization(parts[0], string.Join('/', parts[1..]), parts[3], signedHeaders, signature);
    }
}
