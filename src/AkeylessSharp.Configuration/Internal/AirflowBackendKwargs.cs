using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace AkeylessSharp.Configuration.Internal;

/// <summary>
/// Reads the Airflow <c>AkeylessBackend</c>'s <c>backend_kwargs</c>: the layout keys here, the client keys through
/// <see cref="AkeylessClientOptions.FromAirflowExtras"/>, with the <c>AKEYLESS_*</c> environment variables under them.
/// Absent paths take the backend's defaults; a null or empty path disables that lookup, as in the backend. Unknown keys
/// are ignored, as the backend's <c>**kwargs</c> does.
/// </summary>
internal static class AirflowBackendKwargs
{
    public const string DefaultConnectionsPath = "/airflow/connections";
    public const string DefaultVariablesPath = "/airflow/variables";
    public const string DefaultConfigPath = "/airflow/config";

    public static AkeylessConfigurationOptions Parse(string json) => Parse(json, Environment.GetEnvironmentVariable);

    /// <summary>Parses <paramref name="json"/>; client fields it lacks fall back to <c>AKEYLESS_API_URL</c>, <c>AKEYLESS_ACCESS_ID</c>, <c>AKEYLESS_ACCESS_KEY</c>.</summary>
    public static AkeylessConfigurationOptions Parse(string json, Func<string, string?> getVariable)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new AkeylessConfigurationException($"backend_kwargs is not valid JSON (line {ex.LineNumber}, byte {ex.BytePositionInLine}).", "backend_kwargs");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new AkeylessConfigurationException("backend_kwargs must be a JSON object such as {\"connections_path\": \"/airflow/connections\", \"access_id\": \"p-...\"}.", "backend_kwargs");
            }

            var options = new AkeylessConfigurationOptions
            {
                ConnectionsPath = Path(root, "connections_path", DefaultConnectionsPath),
                VariablesPath = Path(root, "variables_path", DefaultVariablesPath),
                ConfigPath = Path(root, "config_path", DefaultConfigPath),
                ClientOptions = AkeylessClientOptions.FromAirflowExtras(
                    json,
                    string.IsNullOrWhiteSpace(Text(root, "api_url")) ? getVariable(AkeylessEnvironmentVariables.ApiUrl) : null,
                    getVariable(AkeylessEnvironmentVariables.AccessId),
                    getVariable(AkeylessEnvironmentVariables.AccessKey)),
            };

            if (Text(root, "sep") is { Length: > 0 } separator)
            {
                options.Separator = separator;
            }

            if (Text(root, "global_secrets_path") is { Length: > 0 } global)
            {
                options.GlobalPath = global.TrimEnd('/');
            }

            if (Text(root, "use_team_secrets_path") is { } useTeam)
            {
                options.UseTeamSecretsPath = bool.TryParse(useTeam, out var flag)
                    ? flag
                    : throw new AkeylessConfigurationException($"backend_kwargs use_team_secrets_path '{useTeam}' must be true or false.", "use_team_secrets_path");
            }

            if (Text(root, "token_ttl") is { } ttl)
            {
                options.ClientOptions.AuthTokenTtl = double.TryParse(ttl, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 300 and <= 43200
                    ? TimeSpan.FromSeconds(seconds)
                    : throw new AkeylessConfigurationException($"backend_kwargs token_ttl '{ttl}' must be a number of seconds between 300 and 43200 (it becomes AuthTokenTtl).", "token_ttl");
            }

            return options;
        }
    }

    /// <summary>The same keys given as a configuration section (for example <c>Akeyless:Airflow:connections_path</c>), in any case as configuration keys are.</summary>
    public static AkeylessConfigurationOptions Parse(IConfiguration section, Func<string, string?> getVariable)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var child in section.GetChildren())
            {
                if (child.Value is { } value)
                {
                    // Configuration keys ignore case (AKEYLESS__AIRFLOW__CONNECTIONS_PATH arrives upper case); the kwargs are lower case.
                    writer.WriteString(child.Key.ToLowerInvariant(), value);
                }
            }

            writer.WriteEndObject();
        }

        return Parse(Encoding.UTF8.GetString(buffer.ToArray()), getVariable);
    }

    private static string? Path(JsonElement root, string name, string defaultPath)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            return defaultPath;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => TrimTrailingSlash(value.GetString()!),
            _ => throw new AkeylessConfigurationException($"backend_kwargs {name} must be a string or null, not {value.ValueKind.ToString().ToLowerInvariant()}.", name),
        };
    }

    // The backend's rstrip("/"), except that "/" itself stays the root; empty disables the lookup.
    private static string? TrimTrailingSlash(string path) =>
        path.Length == 0 ? null : path.TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : "/";

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        } : null;
}
