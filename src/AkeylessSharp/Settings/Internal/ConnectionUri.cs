namespace AkeylessSharp.Settings.Internal;

/// <summary>
/// Parses <c>akeyless://ACCESS_ID:ACCESS_KEY@host[:port][/path]?key=value</c>: the user part carries the access id and key,
/// host, port and path form the API URL (https, or http with <c>akeyless+http://</c>), query keys set any other option.
/// </summary>
internal static class ConnectionUri
{
    public static AkeylessClientOptions Parse(string text) => Apply(text, new AkeylessClientOptions());

    /// <summary>Sets the fields the URI names on <paramref name="options"/>, leaving the others as they are.</summary>
    public static AkeylessClientOptions Apply(string text, AkeylessClientOptions options)
    {
        var plainHttp = text.StartsWith("akeyless+http://", StringComparison.OrdinalIgnoreCase);
        var httpForm = (plainHttp ? "http://" : "https://") + text[(text.IndexOf("://", StringComparison.Ordinal) + 3)..];
        if (!Uri.TryCreate(httpForm, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw new AkeylessConfigurationException("The connection URI is malformed; expected akeyless://ACCESS_ID:ACCESS_KEY@host[:port][/path]?access_type=api_key.", "connectionString");
        }

        options.ApiUrl = uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped) + (uri.AbsolutePath == "/" ? string.Empty : uri.AbsolutePath.TrimEnd('/'));

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            options.AccessId = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                options.AccessKey = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            if (OptionSetters.NamesApiUrl(key))
            {
                // The host is where the credential in the URI goes; a parameter silently sending it elsewhere is refused.
                throw new AkeylessConfigurationException($"The connection URI parameter '{key}' would replace the URI's own host as the API URL; write the endpoint as the host (akeyless://ID:KEY@gateway.example.com:8080/api/v2) and remove '{key}'.", key);
            }

            if (!OptionSetters.TrySet(options, key, value))
            {
                throw new AkeylessConfigurationException($"The connection URI parameter '{key}' is not an Akeyless option. Use snake_case option names such as access_type, uid_token, jwt, k8s_auth_config_name.", key);
            }
        }

        return options;
    }
}
