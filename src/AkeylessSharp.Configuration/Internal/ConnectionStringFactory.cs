using System.Data.Common;
using System.Globalization;
using System.Text;

namespace AkeylessSharp.Configuration.Internal;

/// <summary>
/// Writes a connection as the ADO.NET connection string of its type. One writer per type, chosen from a table;
/// <see cref="DbConnectionStringBuilder"/> does the quoting so a <c>;</c> or quote in a password stays in the password.
/// </summary>
internal static class ConnectionStringFactory
{
    private static readonly Dictionary<string, Func<AkeylessConnection, string?, string>> s_writers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["postgres"] = Npgsql,
        ["postgresql"] = Npgsql,
        ["mysql"] = MySql,
        ["mariadb"] = MySql,
        ["mssql"] = SqlServer,
        ["sqlserver"] = SqlServer,
        ["redis"] = Redis,
        ["rediss"] = Redis,
    };

    private static readonly Dictionary<string, string> s_npgsqlSslModes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["disable"] = "Disable",
        ["allow"] = "Allow",
        ["prefer"] = "Prefer",
        ["require"] = "Require",
        ["verify-ca"] = "VerifyCA",
        ["verify-full"] = "VerifyFull",
    };

    /// <summary>The connection types with an ADO.NET form.</summary>
    public static IEnumerable<string> KnownTypes => s_writers.Keys;

    public static string? Create(AkeylessConnection connection, string? id)
    {
        if (connection.ConnType is not { } type || !s_writers.TryGetValue(type, out var writer))
        {
            return null;
        }

        try
        {
            return writer(connection, id);
        }
        catch (AkeylessConnectionFormatException ex) when (ex.ConnectionId is null && id is not null)
        {
            throw ex.WithContext(id, null);
        }
    }

    private static string Npgsql(AkeylessConnection c, string? id)
    {
        var b = new DbConnectionStringBuilder();
        Set(b, "Host", c.Host);
        Set(b, "Port", c.Port);
        Set(b, "Database", c.Schema);
        Set(b, "Username", c.Login);
        Set(b, "Password", c.Password);
        if (Extra(c, "sslmode") is { } sslMode)
        {
            Set(b, "SSL Mode", s_npgsqlSslModes.TryGetValue(sslMode, out var mapped) ? mapped : sslMode);
        }

        Set(b, "Application Name", Extra(c, "application_name"));
        Set(b, "Timeout", Extra(c, "connect_timeout"));
        return b.ConnectionString;
    }

    private static string MySql(AkeylessConnection c, string? id)
    {
        var b = new DbConnectionStringBuilder();
        Set(b, "Server", c.Host);
        Set(b, "Port", c.Port);
        Set(b, "Database", c.Schema);
        Set(b, "User ID", c.Login);
        Set(b, "Password", c.Password);
        Set(b, "CharSet", Extra(c, "charset"));
        Set(b, "SslMode", Extra(c, "ssl_mode") ?? Extra(c, "sslmode"));
        return b.ConnectionString;
    }

    private static string SqlServer(AkeylessConnection c, string? id)
    {
        var b = new DbConnectionStringBuilder();
        Set(b, "Data Source", c.Port is { } port ? $"{c.Host},{port.ToString(CultureInfo.InvariantCulture)}" : c.Host);
        Set(b, "Initial Catalog", c.Schema);
        Set(b, "User ID", c.Login);
        Set(b, "Password", c.Password);
        Set(b, "Encrypt", Extra(c, "encrypt"));
        Set(b, "TrustServerCertificate", Extra(c, "trust_server_certificate") ?? Extra(c, "TrustServerCertificate"));
        return b.ConnectionString;
    }

    /// <summary>StackExchange.Redis's own format: <c>host:port,user=..,password=..,defaultDatabase=n,ssl=true</c>; it has no quoting.</summary>
    private static string Redis(AkeylessConnection c, string? id)
    {
        var sb = new StringBuilder();
        var host = Plain(c.Host ?? "localhost", "host", id);

        sb.Append(IpLiteral.Bracket(host));
        if (c.Port is { } port)
        {
            sb.Append(':').Append(port.ToString(CultureInfo.InvariantCulture));
        }

        AppendOption(sb, "user", c.Login, "login", id);
        AppendOption(sb, "password", c.Password, "password", id);
        if (c.Schema is { } db)
        {
            if (!int.TryParse(db, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                throw new AkeylessConnectionFormatException(id, "a redis schema must be the database number");
            }

            sb.Append(",defaultDatabase=").Append(db);
        }

        var ssl = Extra(c, "ssl") ?? (string.Equals(c.ConnType, "rediss", StringComparison.OrdinalIgnoreCase) ? "true" : null);
        AppendOption(sb, "ssl", ssl, "extra 'ssl'", id);
        return sb.ToString();
    }

    private static void AppendOption(StringBuilder sb, string name, string? value, string field, string? id)
    {
        if (value is not null)
        {
            sb.Append(',').Append(name).Append('=').Append(Plain(value, field, id));
        }
    }

    private static string Plain(string value, string field, string? id) =>
        value.Contains(',')
            ? throw new AkeylessConnectionFormatException(id, $"the {field} contains ',', which a StackExchange.Redis configuration string cannot carry")
            : value;

    private static string? Extra(AkeylessConnection c, string key) =>
        c.Extra.TryGetValue(key, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    private static void Set(DbConnectionStringBuilder b, string key, string? value)
    {
        if (value is null)
        {
            return;
        }

        // ADO.NET connection strings cannot carry NUL; say which field rather than let ArgumentException escape.
        if (value.Contains('\0'))
        {
            throw new AkeylessConnectionFormatException(null, $"the {key} contains a NUL character, which a connection string cannot carry");
        }

        b[key] = value;
    }

    private static void Set(DbConnectionStringBuilder b, string key, int? value)
    {
        if (value is { } v)
        {
            b[key] = v.ToString(CultureInfo.InvariantCulture);
        }
    }
}
