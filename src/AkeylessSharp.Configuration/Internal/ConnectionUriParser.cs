using System.Globalization;
using System.Text;

namespace AkeylessSharp.Configuration.Internal;

/// <summary>
/// Parses the URI form of an Airflow connection (<c>type://login:password@host:port/schema?extra</c>) the way Airflow's
/// <c>Connection._parse_from_uri</c> does: every part percent-decoded, the query turned into extras, <c>__extra__</c>
/// holding JSON extras, a nested protocol (<c>http://https://host</c>) kept in the host. Hand-written rather than
/// <see cref="Uri"/>, which rejects or normalises many values Airflow accepts.
/// </summary>
internal static class ConnectionUriParser
{
    private const string SchemeSeparator = "://";
    private const string ExtraKey = "__extra__";

    public static AkeylessConnection Parse(string uri, string? id)
    {
        var schemeEnd = uri.IndexOf(SchemeSeparator, StringComparison.Ordinal);
        if (schemeEnd <= 0 || !IsScheme(uri.AsSpan(0, schemeEnd)))
        {
            throw Error(id, "it is neither a JSON object nor a URI of the form type://login:password@host:port/schema");
        }

        var connType = ConnectionParser.NormalizeConnType(uri[..schemeEnd]);
        var rest = uri[(schemeEnd + SchemeSeparator.Length)..];

        // A second "://" means a host carrying its own protocol (Airflow's host_with_protocol); a third is refused.
        string? protocol = null;
        var nested = rest.IndexOf(SchemeSeparator, StringComparison.Ordinal);
        if (nested >= 0)
        {
            if (rest.IndexOf(SchemeSeparator, nested + 1, StringComparison.Ordinal) >= 0)
            {
                throw Error(id, "it contains '://' more than twice");
            }

            protocol = rest[..nested];
            if (protocol.Length == 0 || protocol.Contains('@') || protocol.Contains(':') || !IsScheme(protocol))
            {
                throw Error(id, "the protocol nested in the host is not valid");
            }

            rest = rest[(nested + SchemeSeparator.Length)..];
        }

        var fragment = rest.IndexOf('#');
        if (fragment >= 0)
        {
            rest = rest[..fragment];
        }

        string? query = null;
        var queryStart = rest.IndexOf('?');
        if (queryStart >= 0)
        {
            query = rest[(queryStart + 1)..];
            rest = rest[..queryStart];
        }

        var pathStart = rest.IndexOf('/');
        var authority = pathStart >= 0 ? rest[..pathStart] : rest;
        var path = pathStart >= 0 ? rest[(pathStart + 1)..] : "";

        string? login = null;
        string? password = null;
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = authority[..at];
            authority = authority[(at + 1)..];
            var colon = userInfo.IndexOf(':');
            login = EmptyToNull(Decode(colon >= 0 ? userInfo[..colon] : userInfo));
            password = colon >= 0 ? EmptyToNull(Decode(userInfo[(colon + 1)..])) : null;
        }

        var (host, port) = SplitHostPort(authority, id);
        if (host is not null && protocol is not null)
        {
            host = protocol + SchemeSeparator + host;
        }

        var (extra, extraText) = query is null ? (AkeylessConnection.EmptyExtra, null) : ParseQuery(query, id);
        return new AkeylessConnection
        {
            ConnType = connType,
            Host = host,
            Login = login,
            Password = password,
            Schema = EmptyToNull(Decode(path)),
            Port = port,
            Extra = extra,
            ExtraText = extraText,
        };
    }

    private static (string? Host, int? Port) SplitHostPort(string authority, string? id)
    {
        string hostPart;
        string? portPart = null;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']');
            if (close < 0)
            {
                throw Error(id, "an IPv6 host is missing its closing ']'");
            }

            hostPart = authority[1..close];
            var after = authority[(close + 1)..];
            if (after.Length > 0)
            {
                if (after[0] != ':')
                {
                    throw Error(id, "unexpected text after the IPv6 host");
                }

                portPart = after[1..];
            }
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            hostPart = colon >= 0 ? authority[..colon] : authority;
            portPart = colon >= 0 ? authority[(colon + 1)..] : null;
        }

        int? port = null;
        if (!string.IsNullOrEmpty(portPart))
        {
            // Never quote the port text: a password with an unencoded '/' or '@' can end up here.
            if (!int.TryParse(portPart, NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p > 65535)
            {
                throw Error(id, "the port is not a number between 0 and 65535 (percent-encode '@', '/', ':' and '?' in the login and password)");
            }

            port = p;
        }

        return (EmptyToNull(Decode(hostPart)), port);
    }

    private static (IReadOnlyDictionary<string, string?> Extra, string? ExtraText) ParseQuery(string query, string? id)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in query.Split('&'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            var eq = part.IndexOf('=');
            var key = DecodeQuery(eq >= 0 ? part[..eq] : part);
            var value = eq >= 0 ? DecodeQuery(part[(eq + 1)..]) : "";
            pairs[key] = value; // Python's dict(parse_qsl(...)): the last value wins.
        }

        if (pairs.TryGetValue(ExtraKey, out var extraJson))
        {
            return ExtraParser.FromText(extraJson, id);
        }

        var extra = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in pairs)
        {
            extra[key] = value;
        }

        return (extra, null);
    }

    private static bool IsScheme(ReadOnlySpan<char> scheme)
    {
        if (scheme.IsEmpty || !char.IsAsciiLetter(scheme[0]))
        {
            return false;
        }

        foreach (var c in scheme)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text);

    private static string DecodeQuery(string text) =>
        Uri.UnescapeDataString(text.Contains('+') ? new StringBuilder(text).Replace('+', ' ').ToString() : text);

    private static string? EmptyToNull(string text) => text.Length == 0 ? null : text;

    private static AkeylessConnectionFormatException Error(string? id, string reason) => new(id, reason);
}
