using System.Net;

namespace AkeylessSharp;

/// <summary>
/// <see cref="AkeylessClientOptions.ApiUrl"/> does not address the Akeyless API: the answer was a redirect, an HTML
/// page, or a 404 / 405 without an Akeyless error body. Fix <c>ApiUrl</c> (the SaaS URL or a Gateway's <c>/api/v2</c>).
/// The client never follows a redirect, so no credential went to the other address; only an <see cref="HttpClient"/> given
/// to the client that follows redirects with copies of the request (a hedging handler) can send one there, and the message then says so.
/// </summary>
/// <param name="message">What answered and what to set instead; never a secret.</param>
/// <param name="statusCode">The HTTP status of the answer.</param>
/// <param name="command">The API command that was sent.</param>
/// <param name="path">The item path involved, when there was one.</param>
/// <param name="location">Where a redirect pointed, when the answer was one.</param>
public sealed class AkeylessEndpointException(string message, HttpStatusCode? statusCode, string? command, string? path = null, Uri? location = null)
    : AkeylessConfigurationException(message, nameof(AkeylessClientOptions.ApiUrl), statusCode, command, path)
{
    /// <summary>Where a redirect pointed (the client did not follow it), when the answer was one.</summary>
    public Uri? Location { get; } = location;
}
