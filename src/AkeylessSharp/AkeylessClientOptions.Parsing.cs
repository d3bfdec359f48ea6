using System.Data.Common;
using System.Text.Json;
using AkeylessSharp.Settings.Internal;
using Microsoft.Extensions.Configuration;

namespace AkeylessSharp;

/// <content>Building options from one connection string or from an Airflow connection's extras.</content>
public sealed partial class AkeylessClientOptions
{
    /// <summary>
    /// Parses options from a URI or a key/value connection string, and validates them.
    /// </summary>
    /// <param name="connectionString">
    /// Either <c>akeyless://ACCESS_ID:ACCESS_KEY@host[:port][/api/v2]?access_type=api_key</c> (use <c>akeyless+http://</c>
    /// for a plain-HTTP endpoint such as a local emulator; percent-encode the key; any key of the key/value form may be a
    /// query parameter, in snake_case or PascalCase), or <c>ApiUrl=https://api.akeyless.io;AccessId=p-abc;AccessKey=...;AccessType=api_key</c>.
    /// </param>
    /// <returns>Validated options.</returns>
    /// <exception cref="AkeylessConfigurationException">A key is unknown, a value is invalid, or a required field is missing; the message names it.</exception>
    public static AkeylessClientOptions FromConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var options = ApplyConnectionString(connectionString, new AkeylessClientOptions());
        OptionsChecks.ThrowIfInvalid(options);
        return options;
    }

    /// <summary>
    /// Sets the options a connection string names (in either form of <see cref="FromConnectionString"/>) on these options,
    /// leaving every other one as it is: a connection string laid over options bound from configuration. Not validated
    /// here: the client validates the result when it is created.
    /// </summary>
    /// <param name="connectionString">The connection string.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="AkeylessConfigurationException">A key is unknown or a value cannot be read; the message names it.</exception>
    public AkeylessClientOptions ApplyConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return ApplyConnectionString(connectionString, this);
    }

    /// <summary>Sets the fields a connection string names on <paramref name="options"/>, without validating.</summary>
    internal static AkeylessClientOptions ApplyConnectionString(string connectionString, AkeylessClientOptions options)
    {
        var text = connectionString.Trim();
        return text.StartsWith("akeyless://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("akeyless+http://", StringComparison.OrdinalIgnoreCase)
            ? ConnectionUri.Apply(text, options)
            : ParseKeyValues(text, options);
    }

    /// <summary>
    /// Builds options from the process environment: <c>AKEYLESS_CONNECTION_STRING</c>, then <c>AKEYLESS_API_URL</c>,
    /// <c>AKEYLESS_ACCESS_ID</c>, <c>AKEYLESS_ACCESS_KEY</c> and the other <see cref="AkeylessEnvironmentVariables"/> over it;
    /// unset variables keep the defaults. Not validated here: the client validates when it is created.
    /// </summary>
    /// <returns>The options.</returns>
    /// <exception cref="AkeylessConfigurationException">The connection string or the access type is invalid, or a certificate or key file cannot be read; the message names the variable.</exception>
    public static AkeylessClientOptions FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    /// <summary>Builds options from environment variables read through <paramref name="getVariable"/> (for tests, or a prefixed or filtered environment).</summary>
    /// <param name="getVariable">Returns a variable's value, or <see langword="null"/> when it is not set.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="getVariable"/> is <see langword="null"/>.</exception>
    /// <exception cref="AkeylessConfigurationException">The connection string or the access type is invalid, or a certificate or key file cannot be read; the message names the variable.</exception>
    public static AkeylessClientOptions FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        return EnvironmentOptions.Apply(new AkeylessClientOptions(), getVariable);
    }

    /// <summary>
    /// Binds options from a configuration section (keys are the option names, <c>Cache</c> a sub-section) without
    /// reflection, so it works under Native AOT and trimming; <c>AccessType</c> accepts the reference spellings
    /// (<c>api_key</c>, <c>uid</c>, <c>k8s</c>, ...). The options are not validated here: the client validates them.
    /// </summary>
    /// <param name="configuration">The section, such as <c>configuration.GetSection("Akeyless")</c>.</param>
    /// <returns>The bound options.</returns>
    /// <exception cref="AkeylessConfigurationException"><c>AccessType</c> is not an access type, or a value cannot be converted to its option's type; the message names the full key and the type, never the value.</exception>
    public static AkeylessClientOptions FromConfiguration(IConfiguration configuration)
    {
        var options = new AkeylessClientOptions();
        ClientOptionsBinder.Bind(configuration, options);
        return options;
    }

    /// <summary>
    /// Builds options from an Airflow <c>akeyless</c> connection: its extras JSON (<c>{"access_type":"uid","uid_token":"..."}</c>,
    /// <c>jwt</c> or <c>jwt_token</c>, <c>certificate_data</c> as PEM or base64, ...) plus the connection's host, login and
    /// password, so a connection defined for the Python provider works unchanged. The secrets backend's
    /// <c>backend_kwargs</c> JSON (with <c>api_url</c>, <c>access_id</c>, <c>access_key</c>) is accepted too.
    /// </summary>
    /// <remarks>
    /// With <c>access_type</c> <c>uid</c> the connection's login and password are not used, as in the provider: only the
    /// uid token authenticates (an <c>access_id</c> written in the JSON itself is still sent).
    /// </remarks>
    /// <param name="extrasJson">
    /// The extras (or backend_kwargs) JSON object; unknown keys such as <c>connections_path</c> are ignored. Empty or white
    /// space reads as <c>{}</c>, as Airflow reads an empty extra.
    /// </param>
    /// <param name="apiUrl">The connection's host (API URL), which wins over an <c>api_url</c> in the JSON; <see langword="null"/> keeps the JSON's or the default.</param>
    /// <param name="accessId">The connection's login (access id).</param>
    /// <param name="accessKey">The connection's password (access key).</param>
    /// <returns>Validated options.</returns>
    /// <exception cref="AkeylessConfigurationException">The JSON is invalid, or a value is invalid or missing; the message names the field.</exception>
    public static AkeylessClientOptions FromAirflowExtras(string extrasJson, string? apiUrl = null, string? accessId = null, string? accessKey = null)
    {
        ArgumentNullException.ThrowIfNull(extrasJson);
        var options = new AkeylessClientOptions();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(string.IsNullOrWhiteSpace(extrasJson) ? "{}" : extrasJson);
        }
        catch (JsonException ex)
        {
            throw new AkeylessConfigurationException($"The Airflow extras are not valid JSON (line {ex.LineNumber}, byte {ex.BytePositionInLine}).", "extras");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new AkeylessConfigurationException("The Airflow extras must be a JSON object such as {\"access_type\": \"api_key\"}.", "extras");
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                var key = property.Name.StartsWith("extra__akeyless__", StringComparison.Ordinal) ? property.Name["extra__akeyless__".Length..] : property.Name;
                var value = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                    _ => null,
                };
                SetIfGiven(options, key, value);
            }
        }

        // As in the hook, the connection's host wins over an api_url extra; the JSON's own access_id / access_key
        // (backend_kwargs) win over the connection's login and password.
        SetIfGiven(options, "api_url", apiUrl);
        if (options.AccessType != AkeylessAccessType.UniversalIdentity)
        {
            SetIfGiven(options, "access_id", options.AccessId is null ? accessId : null);
            SetIfGiven(options, "access_key", options.AccessKey is null ? accessKey : null);
        }

        try
        {
            OptionsChecks.ThrowIfInvalid(options);
        }
        catch (AkeylessConfigurationException ex) when (string.IsNullOrWhiteSpace(extrasJson))
        {
            throw new AkeylessConfigurationException(
                $"The Airflow extras are empty, so they were read as {{}}, as Airflow reads an empty extra: access_type api_key, with the connection's login (access id) and password (access key). {ex.Message}",
                ex.Field, ex);
        }

        return options;
    }

    private static AkeylessClientOptions ParseKeyValues(string text, AkeylessClientOptions options)
    {
        var builder = new DbConnectionStringBuilder();
        try
        {
            builder.ConnectionString = text;
        }
        catch (ArgumentException)
        {
            throw new AkeylessConfigurationException("The connection string is neither an akeyless:// URI nor 'Key=Value;...' pairs.", "connectionString");
        }

        foreach (string key in builder.Keys)
        {
            if (!OptionSetters.TrySet(options, key, Convert.ToString(builder[key], System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty))
            {
                var written = WrittenKey.Find(text, key);
                throw new AkeylessConfigurationException($"The connection string key '{written}' is not an Akeyless option. Known keys include ApiUrl, AccessId, AccessType, AccessKey, UidToken, Jwt, K8sAuthConfigName, CertificateData, PrivateKeyData, Profile, Timeout, AttemptTimeout, TotalRequestTimeout, MaxRetries.", written);
            }
        }

        return options;
    }

    private static void SetIfGiven(AkeylessClientOptions options, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            OptionSetters.TrySet(options, key, value.Trim());
        }
    }
}
