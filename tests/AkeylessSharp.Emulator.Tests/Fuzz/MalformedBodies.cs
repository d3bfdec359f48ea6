using System.Text;
using AkeylessSharp.Emulator.Auth;
using CsCheck;

namespace AkeylessSharp.Emulator.Tests.Fuzz;

/// <summary>
/// CsCheck generators of request bodies a careless or hostile client could send: real field names with values of
/// every JSON type, lone surrogates, raw invalid UTF-8, absurd numbers, deep nesting, trailing data, truncation,
/// and JWTs / cloud ids whose headers and claims are malformed.
/// </summary>
internal static class MalformedBodies
{
    public static readonly string[] Fields =
    [
        "access-id", "access-key", "access-type", "advanced-filter", "auto-pagination", "auto-rotate", "cert-challenge", "cert-data",
        "cert-issuer-name", "cert-username", "cloud-id", "creds", "current-folder", "delete-immediately", "delete-in-days",
        "delete_protection", "description", "filter", "format", "gcp-audience", "ignore-cache", "item-id", "jwt",
        "k8s-auth-config-name", "k8s-service-account-token", "keep-prev-version", "key-data", "last-version", "metadata",
        "minimal-view", "multiline", "name", "names", "pagination-token", "password", "path", "public-key-data",
        "rotated-password", "rotated-username", "rotation-interval", "rotator-type", "show-versions", "signed-cert-challenge",
        "sub-types", "tag", "tags", "target-name", "token", "ttl", "type", "uid-token", "username", "value", "version",
        "command", "count", "status", "fraction", "latencyMs", "abort", "retryAfterSeconds", "seconds", "authMethod",
    ];

    private static readonly string[] AccessTypes =
        ["access_key", "jwt", "k8s", "cert", "aws_iam", "azure_ad", "gcp", "universal_identity", "saml", "", "JWT"];

    /// <summary>Requests to <paramref name="commands"/>; a share of them are auth requests sent to <c>auth</c>, where credentials are verified.</summary>
    public static Gen<(string Command, byte[] Body)> Requests(IReadOnlyList<string> commands, string token)
    {
        var mutation = Gen.Select(Gen.Int[0, 7], Gen.Int[0, 1000], Gen.Byte);
        var auth = Gen.Select(Auth(), mutation, (text, m) => ("auth", Mutate(text, m.Item1, m.Item2, m.Item3)));
        var any = Gen.Select(Gen.OneOf(commands.ToArray()), Body(token), (c, b) => (c, b));
        return Gen.Frequency((1, auth), (3, any));
    }

    public static Gen<byte[]> Body(string token)
    {
        var value = Value(token);
        var field = Gen.OneOf(Gen.OneOf(Fields), Gen.String);
        var obj = Gen.Select(field.Array[0, 8], value.Array[8, 8], (names, values) =>
            "{" + string.Join(",", names.Select((n, i) => Quote(n) + ":" + values[i])) + "}");
        var withToken = Gen.Select(obj, o => "{\"token\":\"" + token + "\"," + o[1..]);
        var text = Gen.Frequency((4, obj), (4, withToken), (1, value), (1, Gen.String));
        return Gen.Select(text, Gen.Int[0, 7], Gen.Int[0, 1000], Gen.Byte, Mutate);
    }

    private static Gen<string> Value(string token)
    {
        var jwts = Jwts();
        var atoms = Gen.OneOf(
            "null", "true", "false", "0", "-1", "1.5", "1e20", "-1e20", "1e400", "-1e400", "9223372036854775808", "99999999999999999999999",
            "\"\"", "\"true\"", "\"false\"", "\"abc\"", "\"/x\"", "\"/demo/db/password\"", "\"*\"", "\"\\ud800\"", "\"a\\udc00b\"",
            "[]", "{}", "[\"/x\"]", "[null]", "[1,2]", "{\"a\":\"b\"}", "{\"\\ud800\":1}", "\"disabled\"", "\"get-secret-value\"", "\"auth\"",
            "\"" + token + "\"", "\"/demo/azure\"", "\"dev-cluster\"", "\"replace.with.a-service-account-jwt\"", "\"t-0000\"", "\"u-nope\"",
            new string('[', 70) + new string(']', 70), "\"" + new string('x', 20_000) + "\"");
        var accessIds = Gen.OneOf(
            AccessIds.DefaultAccessId, "p-demoapikey01a0", AccessIds.Derive("/demo/ci-jwt", "jwt"), AccessIds.Derive("/demo/k8s", "k8s"),
            AccessIds.Derive("/demo/aws", "aws_iam"), AccessIds.Derive("/demo/azure", "azure_ad"), AccessIds.Derive("/demo/gcp", "gcp"),
            AccessIds.Derive("/demo/uid", "universal_identity"), "p-unknown").Select(Quote);
        return Gen.Frequency(
            (6, atoms), (3, jwts), (2, accessIds), (2, Gen.OneOf(AccessTypes).Select(Quote)),
            (2, Gen.String.Select(Quote)), (1, Gen.Long.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            (1, Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "0")));
    }

    /// <summary>Well-formed auth requests for each seeded method, carrying broken credentials.</summary>
    private static Gen<string> Auth()
    {
        var methods = Gen.OneOf(
            ("jwt", "/demo/ci-jwt", "jwt"), ("azure_ad", "/demo/azure", "cloud-id"), ("gcp", "/demo/gcp", "cloud-id"),
            ("aws_iam", "/demo/aws", "cloud-id"), ("k8s", "/demo/k8s", "k8s-service-account-token"), ("cert", "/demo/cert", "cert-data"),
            ("universal_identity", "/demo/uid", "uid-token"));
        return Gen.Select(methods, Gen.OneOf(Jwts(), Gen.String.Select(Quote)), (m, credential) =>
            $"{{\"access-type\":\"{m.Item1}\",\"access-id\":\"{AccessIds.Derive(m.Item2, m.Item1)}\",\"{m.Item3}\":{credential},\"k8s-auth-config-name\":\"dev-cluster\"}}");
    }

    /// <summary>JWTs (raw or base64, as jwt / cloud-id values) with broken headers and absurd claims.</summary>
    private static Gen<string> Jwts()
    {
        var headers = Gen.OneOf("{}", "{\"alg\":\"R\"}", "{\"alg\":\"\"}", "{\"alg\":\"RS256\"}", "{\"alg\":5}", "{\"alg\":\"ES9999\"}", "[]", "{\"alg\":\"\\ud800\"}", "x");
        var payloads = Gen.OneOf(
            "{}", "{\"exp\":1e20}", "{\"exp\":-1e20,\"nbf\":1e300}", "{\"exp\":\"soon\"}", "{\"exp\":1e400}",
            "{\"exp\":4102444800,\"tid\":\"00000000-0000-0000-0000-000000000001\",\"aud\":\"akeyless.io\",\"email\":\"demo@demo-project.iam.gserviceaccount.com\"}",
            "{\"exp\":1e20,\"tid\":\"00000000-0000-0000-0000-000000000001\",\"aud\":\"akeyless.io\",\"email\":\"demo@demo-project.iam.gserviceaccount.com\"}",
            "{\"sub\":\"\\udc00\",\"exp\":4102444800}", "[1]", "{\"aud\":[1,{}],\"exp\":9e15}");
        return Gen.Select(headers, payloads, Gen.Bool, (h, p, wrap) =>
        {
            var jwt = B64Url(h) + "." + B64Url(p) + ".c2ln";
            return Quote(wrap ? Convert.ToBase64String(Encoding.UTF8.GetBytes(jwt)) : jwt);
        });
    }

    private static byte[] Mutate(string text, int how, int at, byte noise)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var i = bytes.Length == 0 ? 0 : at % bytes.Length;
        return how switch
        {
            1 => [.. bytes, .. " GARBAGE"u8],
            2 => [.. bytes, .. bytes],
            3 => bytes[..i],
            4 => [.. bytes[..i], 0xff, .. bytes[i..]],
            5 => [.. bytes[..i], noise, .. bytes[i..]],
            _ => bytes,
        };
    }

    private static string B64Url(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Quote(string s) => System.Text.Json.JsonSerializer.Serialize(s);
}
