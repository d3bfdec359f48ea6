namespace AkeylessSharp.Configuration;

/// <summary>
/// A connection secret could not be read as an Airflow connection. The message names the connection id and what is
/// wrong; it never quotes the value, so no password can leak through logs.
/// </summary>
public sealed class AkeylessConnectionFormatException : AkeylessException
{
    /// <summary>Creates an exception.</summary>
    /// <param name="connectionId">The connection id, when known.</param>
    /// <param name="reason">What is wrong, without any part of the value.</param>
    /// <param name="path">The secret path, when known.</param>
    public AkeylessConnectionFormatException(string? connectionId, string reason, string? path = null)
        : base(BuildMessage(connectionId, reason ?? throw new ArgumentNullException(nameof(reason))), path: path)
    {
        ConnectionId = connectionId;
        Reason = reason;
    }

    /// <summary>The connection id, when known.</summary>
    public string? ConnectionId { get; }

    /// <summary>What is wrong with the value, without quoting it.</summary>
    public string Reason { get; }

    internal AkeylessConnectionFormatException WithContext(string connectionId, string? path) => new(connectionId, Reason, path);

    private static string BuildMessage(string? connectionId, string reason) =>
        connectionId is null
            ? $"The connection value is not valid: {reason}."
            : $"The value of connection '{connectionId}' is not valid: {reason}.";
}
