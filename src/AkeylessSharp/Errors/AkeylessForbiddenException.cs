using System.Net;

namespace AkeylessSharp;

/// <summary>The caller's roles do not allow the operation at the path (HTTP 403): check the role rules of the auth method.</summary>
/// <param name="message">What happened and what to check; never a secret.</param>
/// <param name="command">The API command, such as <c>get-secret-value</c>.</param>
/// <param name="path">The item path involved, when there was one.</param>
/// <param name="serviceMessage">The service's own error text.</param>
public sealed class AkeylessForbiddenException(string message, string? command = null, string? path = null, string? serviceMessage = null)
    : AkeylessException(message, HttpStatusCode.Forbidden, command, path, serviceMessage);
