using System.Net;

namespace AkeylessSharp;

/// <summary>
/// Akeyless (or something in between) answered with a body the client cannot use: not JSON, empty, of another content
/// type, missing a required field, or holding a number out of range. The message names the command, the status and what
/// was wrong, never the body itself.
/// </summary>
/// <param name="message">What was wrong with the answer.</param>
/// <param name="statusCode">The HTTP status of the answer.</param>
/// <param name="command">The API command.</param>
/// <param name="path">The item path involved, when there was one.</param>
/// <param name="innerException">The parse failure, when there was one (its text never quotes the body).</param>
public sealed class AkeylessProtocolException(string message, HttpStatusCode? statusCode, string? command, string? path = null, Exception? innerException = null)
    : AkeylessException(message, statusCode, command, path, innerException: innerException);
