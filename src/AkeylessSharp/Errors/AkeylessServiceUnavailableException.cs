using System.Net;

namespace AkeylessSharp;

/// <summary>
/// Akeyless could not be reached or failed to answer, after the retries the options allow: a network error, a reset
/// connection, a response body cut short, or a 5xx / 408 / 429 status. Transient: trying again later may succeed.
/// </summary>
/// <param name="message">What failed, for which command, and what to check.</param>
/// <param name="statusCode">The HTTP status, when a response was received.</param>
/// <param name="command">The API command.</param>
/// <param name="path">The item path involved, when there was one.</param>
/// <param name="serviceMessage">The service's own error text, when it sent one.</param>
/// <param name="innerException">The network failure, when there was one.</param>
public sealed class AkeylessServiceUnavailableException(string message, HttpStatusCode? statusCode, string? command, string? path = null, string? serviceMessage = null, Exception? innerException = null)
    : AkeylessException(message, statusCode, command, path, serviceMessage, innerException);
