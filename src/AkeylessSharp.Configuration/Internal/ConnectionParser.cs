namespace AkeylessSharp.Configuration.Internal;

/// <summary>Chooses between the URI and the JSON forms of an Airflow connection, as the Airflow backend does.</summary>
internal static class ConnectionParser
{
    public static AkeylessConnection Parse(string value, string? connectionId)
    {
        var span = value.AsSpan().Trim();
        if (span.IsEmpty)
        {
            throw new AkeylessConnectionFormatException(connectionId, "the value is empty");
        }

        // A JSON string literal ("\"postgres://...\"") is a URI, as json.loads followed by str() makes it in Airflow.
        return span[0] is '{' or '"'
            ? ConnectionJsonParser.Parse(span.ToString(), connectionId)
            : ConnectionUriParser.Parse(span.ToString(), connectionId);
    }

    /// <summary>Airflow's <c>_normalize_conn_type</c>: <c>postgresql</c> becomes <c>postgres</c>, dashes become underscores.</summary>
    public static string NormalizeConnType(string connType)
    {
        var normalized = connType.Trim().Replace('-', '_').ToLowerInvariant();
        return normalized == "postgresql" ? "postgres" : normalized;
    }
}
