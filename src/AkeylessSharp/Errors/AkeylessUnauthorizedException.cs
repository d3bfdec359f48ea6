using System.Net;

namespace AkeylessSharp;

/// <summary>Authentication failed or the token was rejected (HTTP 401): check the access id and the credential of the access type.</summary>
/// <param name="message">What happened and what to check; never a secret.</param>
/// <param name="command">The API command, such as <c>get-secret-value</c>.</param>
/// <param name="path">The item path involved, when there was one.</param>
/// <param name="serviceMessage">The service's own error text.</param>
public sealed class AkeylessUnauthorizedException(string message, string? command = null, string? path = null, string? serviceMessage = null)
    : AkeylessException(message, HttpStatusCode.Unauthorized, command, path, serviceMessage);
