using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AkeylessSharp.Configuration.Internal;

/// <summary>
/// Turns an Airflow connection of type <c>akeyless</c> into client options the way the provider's hook reads it:
/// host (with port and schema) is the API URL, login the access id, password the access key, extras the auth fields.
/// </summary>
internal static class AkeylessConnectionOptions
{
    private const string ConnType = "akeyless";

    public static AkeylessClientOptions Create(AkeylessConnection connection)
    {
        if (connection.ConnType is { } type && type != ConnType)
        {
            throw new AkeylessConfigurationException(
                $"The connection's conn_type is '{type}'; only a connection of type '{ConnType}' says how to reach Akeyless.", "conn_type");
        }

        if (connection.ExtraText is not null)
        {
            throw new AkeylessConfigurationException(
                "The connection's extra is not a JSON object; write it as {\"access_type\": \"api_key\"} or as URI query parameters.", "extra");
        }

        return AkeylessClientOptions.FromAirflowExtras(ExtrasJson(connection.Extra), ApiUrl(connection), connection.Login, connection.Password);
    }

    private static string? ApiUrl(AkeylessConnection connection)
    {
        if (string.IsNullOrWhiteSpace(connection.Host))
        {
            return null;
        }

        var url = new StringBuilder(BracketIpv6(connection.Host.TrimEnd('/')));
        if (connection.Port is { } port)
        {
            url.Append(':').Append(port.ToString(CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrEmpty(connection.Schema))
        {
            url.Append('/').Append(connection.Schema.TrimStart('/'));
        }

        return url.ToString();
    }

    /// <summary>The host, with any scheme in front kept, and an IPv6 address in brackets.</summary>
    private static string BracketIpv6(string host)
    {
        var scheme = host.IndexOf("://", StringComparison.Ordinal);
        return scheme < 0 ? IpLiteral.Bracket(host) : string.Concat(host.AsSpan(0, scheme + 3), IpLiteral.Bracket(host[(scheme + 3)..]));
    }

    // Flattened keys of nested values (options:timeout) are no auth fields; only top-level strings are passed on.
    private static string ExtrasJson(IReadOnlyDictionary<string, string?> extra)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in extra)
            {
                if (value is not null && !key.Contains(':', StringComparison.Ordinal))
                {
                    writer.WriteString(key, value);
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
