using AkeylessSharp.Cli.Infrastructure;
using AkeylessSharp.Settings.Internal;

namespace AkeylessSharp.Cli.Settings;

/// <summary>
/// The Akeyless CLI's profiles in <c>~/.akeyless/profiles</c>, and how their keys become client settings, so a user of
/// the official CLI needs no new settings. <c>gateway_url</c> is not read: the official CLI uses it only for
/// Gateway-bound workflows, not as its API address.
/// </summary>
internal sealed class ProfileStore(Func<string, string?> environment)
{
    /// <summary>The profile named when none is: the official CLI's <c>AKEYLESS_DEFAULT_PROFILE</c>, else <c>default</c>.</summary>
    public string DefaultName => environment("AKEYLESS_DEFAULT_PROFILE") is { Length: > 0 } name ? name.Trim() : "default";

    /// <summary>Where the official CLI keeps its stored SAML credentials: beside its profiles, under the same home.</summary>
    public string SamlCredentialsDirectory => Path.Combine(Home(), ".akeyless", ".tmp_creds");

    public string PathOf(string name) => Path.Combine(Home(), ".akeyless", "profiles", name + ".toml");

    /// <summary>Applies the profile's settings to <paramref name="options"/>; <see langword="false"/> when there is no such file.</summary>
    /// <exception cref="CliUsageException">The file cannot be read or parsed.</exception>
    /// <exception cref="AkeylessConfigurationException">Its access type is not one this tool supports; quoted only when it is another Akeyless type.</exception>
    public bool TryApply(string name, AkeylessClientOptions options)
    {
        if (name.IndexOfAny(['/', '\\']) >= 0 || name.Contains("..", StringComparison.Ordinal))
        {
            throw new CliUsageException($"'{name}' is not a profile name.");
        }

        var path = PathOf(name);
        if (!File.Exists(path))
        {
            return false;
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"cannot read the Akeyless CLI profile {path} ({ex.GetType().Name}: {ex.Message}).");
        }

        var values = ProfileFile.Parse(text, name, path);
        Set(values, "access_id", v => options.AccessId = v);
        Set(values, "access_key", v => options.AccessKey = v);
        Set(values, "uid_token", v => options.UidToken = v);
        Set(values, "k8s_auth_config_name", v => options.K8sAuthConfigName = v);
        Set(values, "gcp_audience", v => options.GcpAudience = v);
        Set(values, "azure_ad_object_id", v => options.AzureObjectId = v);
        Set(values, "access_type", v => options.AccessType = AkeylessAccessTypeNames.TryParse(v, out var type)
            ? type
            : throw UnknownAccessType.Error($"access_type in the Akeyless CLI profile {path}", v));
        if (name.All(static c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            // The name of the official CLI's stored SAML credentials; the client allows only these characters.
            options.Profile = name;
        }

        return true;
    }

    private static void Set(Dictionary<string, string> values, string key, Action<string> apply)
    {
        if (values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value))
        {
            apply(value.Trim());
        }
    }

    private string Home() =>
        environment("HOME") is { Length: > 0 } home ? home
        : environment("USERPROFILE") is { Length: > 0 } profile ? profile
        : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
}
