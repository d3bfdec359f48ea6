namespace AkeylessSharp.Http.Internal;

/// <summary>
/// Normalises <see cref="AkeylessClientOptions.ApiUrl"/> into a base URI ending in <c>/</c> to which commands are appended.
/// Accepts the SaaS URL and every documented Gateway form; rejects forms that would address the wrong endpoint.
/// </summary>
internal static class ApiUrl
{
    private static readonly HashSet<string> s_commands = new(StringComparer.OrdinalIgnoreCase)
    {
        "auth", "static-creds-auth", "get-secret-value", "get-dynamic-secret-value", "get-rotated-secret-value",
        "describe-item", "list-items", "create-secret", "update-secret-val", "delete-item", "describe-permissions",
        "get-ssh-certificate",
    };

    public static bool TryNormalize(string? apiUrl, out Uri? baseUri, out string? error)
    {
        baseUri = null;
        error = null;
        if (string.IsNullOrWhiteSpace(apiUrl))
        {
            error = $"ApiUrl is empty. Use {AkeylessClientOptions.DefaultApiUrl} or a Gateway such as https://gateway:8000/api/v2.";
            return false;
        }

        var shown = Redact(apiUrl);
        var text = apiUrl.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "https://" + text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.Host.Length == 0)
        {
            error = $"ApiUrl '{shown}' is not an http(s) URL. Use {AkeylessClientOptions.DefaultApiUrl} or a Gateway such as https://gateway:8000/api/v2.";
            return false;
        }

        if (uri.UserInfo.Length > 0)
        {
            // Never sent (the client authenticates with AccessId and its credential), so it would only leak into logs.
            error = $"ApiUrl '{shown}' must not hold user information ('user:password@'). Akeyless authenticates with AccessId and the credential of AccessType: use {uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)}.";
            return false;
        }

        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            error = $"ApiUrl '{shown}' must not have a query or fragment. Use the API base only, such as https://gateway:8000/api/v2.";
            return false;
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        var last = path[(path.LastIndexOf('/') + 1)..];
        var root = uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);
        if (s_commands.Contains(last))
        {
            error = $"ApiUrl '{shown}' ends with the command '/{last}'. Use the API base without a command: {root}{path[..path.LastIndexOf('/')]}.";
            return false;
        }

        if (uri.Port == 8000 && !path.Equals("/api/v2", StringComparison.OrdinalIgnoreCase))
        {
            error = $"ApiUrl '{shown}' addresses a Gateway's port 8000, which serves the API under /api/v2. Use {root}/api/v2 (or port 8080 with /v2, or port 8081).";
            return false;
        }

        baseUri = new Uri(root + path + "/", UriKind.Absolute);
        return true;
    }

    /// <summary>
    /// <paramref name="apiUrl"/> as it may be shown in a message or <c>ToString()</c>: any user information before the host
    /// (<c>user:password@</c>) becomes <c>***@</c>, whether or not the rest parses.
    /// </summary>
    public static string Redact(string apiUrl)
    {
        int scheme = apiUrl.IndexOf("://", StringComparison.Ordinal);
        int start = scheme < 0 ? 0 : scheme + 3;
        int end = apiUrl.IndexOfAny(['/', '?', '#'], start);
        int at = apiUrl.AsSpan(start, (end < 0 ? apiUrl.Length : end) - start).LastIndexOf('@');
        return at < 0 ? apiUrl : string.Concat(apiUrl.AsSpan(0, start), "***", apiUrl.AsSpan(start + at));
    }

    /// <summary>The Gateway root (scheme, host, port) sent as <c>gateway-url</c>, without <c>/api/v2</c> or <c>/v2</c>.</summary>
    public static string GatewayRoot(Uri baseUri) => baseUri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);
}
