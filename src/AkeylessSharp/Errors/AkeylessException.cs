using System.Net;

namespace AkeylessSharp;

/// <summary>
/// A failure reported by Akeyless or met while talking to it. Never carries a secret value or a token.
/// Subtypes name the common cases: <see cref="AkeylessNotFoundException"/>, <see cref="AkeylessUnauthorizedException"/>,
/// <see cref="AkeylessForbiddenException"/>, <see cref="AkeylessBadRequestException"/>, <see cref="AkeylessConflictException"/>,
/// <see cref="AkeylessConfigurationException"/>.
/// </summary>
public class AkeylessException : Exception
{
    /// <summary>Creates an exception.</summary>
    /// <param name="message">What happened and what to check; never a secret.</param>
    /// <param name="statusCode">The HTTP status, when a response was received.</param>
    /// <param name="command">The API command, such as <c>get-secret-value</c>.</param>
    /// <param name="path">The item path involved, when there was one.</param>
    /// <param name="serviceMessage">The service's own error text.</param>
    /// <param name="innerException">The underlying failure, such as a network error.</param>
    public AkeylessException(string message, HttpStatusCode? statusCode = null, string? command = null, string? path = null, string? serviceMessage = null, Exception? innerException = null)
        : base(message ?? throw new ArgumentNullException(nameof(message)), innerException)
    {
        StatusCode = statusCode;
        Command = command;
        Path = path;
        ServiceMessage = serviceMessage;
    }

    /// <summary>The HTTP status, when a response was received; <see langword="null"/> for network failures and client-side errors.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The API command, such as <c>get-secret-value</c>.</summary>
    public string? Command { get; }

    /// <summary>The item path involved, when there was one.</summary>
    public string? Path { get; }

    /// <summary>The service's own error text (the <c>error</c> field of its response).</summary>
    public string? ServiceMessage { get; }
}
