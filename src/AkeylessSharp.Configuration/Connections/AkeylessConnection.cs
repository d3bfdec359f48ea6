using AkeylessSharp.Configuration.Internal;

namespace AkeylessSharp.Configuration;

/// <summary>
/// An Airflow-style connection read from an Akeyless secret: the fields of Airflow's <c>Connection</c>, parsed from
/// the URI form (<c>postgresql://user:pass@host:5432/db?sslmode=require</c>), the JSON form (<c>conn_type</c>,
/// <c>host</c>, <c>login</c>, <c>password</c>, <c>schema</c>, <c>port</c>, <c>extra</c>) or JSON with <c>conn_uri</c>.
/// </summary>
/// <remarks><see cref="ToString"/> never prints <see cref="Password"/>.</remarks>
public sealed class AkeylessConnection
{
    /// <summary>The connection type in Airflow's normal form: lower case, <c>-</c> turned into <c>_</c>, <c>postgresql</c> into <c>postgres</c>.</summary>
    public string? ConnType { get; init; }

    /// <summary>The host, percent-decoded; with a nested protocol (<c>http://https://host</c>) it keeps that protocol.</summary>
    public string? Host { get; init; }

    /// <summary>The user name, percent-decoded.</summary>
    public string? Login { get; init; }

    /// <summary>The password, percent-decoded. Secret.</summary>
    public string? Password { get; init; }

    /// <summary>The schema (database name for SQL types), percent-decoded.</summary>
    public string? Schema { get; init; }

    /// <summary>The port.</summary>
    public int? Port { get; init; }

    /// <summary>
    /// The extra fields flattened to configuration keys (<c>sslmode</c>, <c>options:timeout</c>, <c>hosts:0</c>):
    /// from the URI query or from the JSON <c>extra</c> object (or a string holding one). Keys compare case-insensitively.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Extra { get; init; } = EmptyExtra;

    /// <summary>The <c>extra</c> text when it was given as a string that is not a JSON object; otherwise <see langword="null"/>.</summary>
    public string? ExtraText { get; init; }

    internal static IReadOnlyDictionary<string, string?> EmptyExtra { get; } =
        new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Parses a connection secret in any of the three Airflow forms.</summary>
    /// <param name="value">The secret value: a URI, or a JSON object with connection fields or a <c>conn_uri</c>.</param>
    /// <param name="connectionId">The connection id, used only in error messages.</param>
    /// <returns>The connection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="AkeylessConnectionFormatException">The value is not a connection; the message names the problem, never a value.</exception>
    public static AkeylessConnection Parse(string value, string? connectionId = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        return ConnectionParser.Parse(value, connectionId);
    }

    /// <summary>Tries to parse a connection secret in any of the three Airflow forms.</summary>
    /// <param name="value">The secret value.</param>
    /// <param name="connection">The connection, when the value is one.</param>
    /// <returns><see langword="true"/> when <paramref name="value"/> is a connection.</returns>
    public static bool TryParse(string? value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AkeylessConnection? connection)
    {
        connection = null;
        if (value is null)
        {
            return false;
        }

        try
        {
            connection = ConnectionParser.Parse(value, null);
            return true;
        }
        catch (AkeylessConnectionFormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// Builds the ADO.NET connection string of a known type: <c>postgres</c> (Npgsql), <c>mysql</c> (MySqlConnector),
    /// <c>mssql</c>/<c>sqlserver</c> (Microsoft.Data.SqlClient), <c>redis</c> (StackExchange.Redis).
    /// </summary>
    /// <returns>The connection string, or <see langword="null"/> when the type has no known ADO.NET form.</returns>
    /// <exception cref="AkeylessConnectionFormatException">The fields cannot be written in that form (for example a Redis password holding a comma).</exception>
    public string? ToConnectionString() => ConnectionStringFactory.Create(this, null);

    /// <summary>
    /// Builds client options from an Airflow connection of type <c>akeyless</c>, such as the value of
    /// <c>AIRFLOW_CONN_AKEYLESS_DEFAULT</c> given to <see cref="Parse"/> (URI or JSON form): the host, with its port and
    /// schema, is the API URL, the login the access id, the password the access key, and the extras are read as
    /// <see cref="AkeylessClientOptions.FromAirflowExtras"/> reads them.
    /// </summary>
    /// <returns>Validated options.</returns>
    /// <exception cref="AkeylessConfigurationException">The connection is of another type, its extra is not a JSON object, or the
    /// options it gives are invalid or incomplete; the message names the field, never a secret.</exception>
    public AkeylessClientOptions ToClientOptions() => AkeylessConnectionOptions.Create(this);

    /// <summary>Describes the connection without its password.</summary>
    /// <returns>A redacted description.</returns>
    public override string ToString() =>
        $"{ConnType ?? "(no type)"}://{(Login is null ? "" : Login + (Password is null ? "" : ":***") + "@")}{Host}{(Port is null ? "" : ":" + Port)}/{Schema}";
}
