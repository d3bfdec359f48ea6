using System.Net;

namespace AkeylessSharp;

/// <summary>The client's options are missing or wrong; the message names the field and the allowed values.</summary>
public class AkeylessConfigurationException : AkeylessException
{
    /// <summary>Creates an exception.</summary>
    /// <param name="message">Which field is wrong and what is allowed; never a secret.</param>
    /// <param name="field">The offending option, such as <c>AccessId</c>.</param>
    /// <param name="innerException">The underlying failure, when there was one.</param>
    public AkeylessConfigurationException(string message, string? field = null, Exception? innerException = null)
        : base(message, innerException: innerException)
    {
        Field = field;
    }

    /// <summary>Creates an exception for a setting that a response from the service showed to be wrong.</summary>
    /// <param name="message">Which field is wrong and what the service answered; never a secret.</param>
    /// <param name="field">The offending option, such as <c>ApiUrl</c>.</param>
    /// <param name="statusCode">The HTTP status of the answer that showed it.</param>
    /// <param name="command">The API command that was sent.</param>
    /// <param name="path">The item path involved, when there was one.</param>
    private protected AkeylessConfigurationException(string message, string? field, HttpStatusCode? statusCode, string? command, string? path)
        : base(message, statusCode, command, path)
    {
        Field = field;
    }

    /// <summary>The offending option, when a single one is to blame.</summary>
    public string? Field { get; }
}
