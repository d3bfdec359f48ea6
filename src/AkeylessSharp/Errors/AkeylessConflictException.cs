using System.Net;

namespace AkeylessSharp;

/// <summary>An item already exists at the path (HTTP 409).</summary>
/// <param name="message">What happened and what to check; never a secret.</param>
/// <param name="command">The API command, such as <c>get-secret-value</c>.</param>
/// <param name="path">The item path involved, when there was one.</param>
/// <param name="serviceMessage">The service's own error text.</param>
public sealed class AkeylessConflictException(string message, string? command = null, string? path = null, string? serviceMessage = null)
    : AkeylessException(message, HttpStatusCode.Conflict, command, path, serviceMessage);
