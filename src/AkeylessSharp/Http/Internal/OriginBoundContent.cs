using System.Net;

namespace AkeylessSharp.Http.Internal;

/// <summary>
/// A request body (which carries the credential or token) that refuses to be written for a request whose URI has left
/// the configured origin. Handlers this library builds never follow redirects; this guards an <see cref="HttpClient"/>
/// supplied by the caller whose handler does: a 307/308 hop to another origin then fails before the body is sent.
/// </summary>
internal sealed class OriginBoundContent(byte[] body, Uri target) : ByteArrayContent(body)
{
    /// <summary>The request this body belongs to; a redirecting handler rewrites its <see cref="HttpRequestMessage.RequestUri"/>.</summary>
    public HttpRequestMessage? Request { get; set; }

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        EnsureOrigin();
        base.SerializeToStream(stream, context, cancellationToken);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        EnsureOrigin();
        return base.SerializeToStreamAsync(stream, context);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        EnsureOrigin();
        return base.SerializeToStreamAsync(stream, context, cancellationToken);
    }

    private void EnsureOrigin()
    {
        var current = Request?.RequestUri;
        if (current is not null && !ReferenceEquals(current, target) && !SameOrigin(current, target))
        {
            throw new CrossOriginRedirectException(current);
        }
    }

    public static bool SameOrigin(Uri a, Uri b) =>
        a.Port == b.Port
        && string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Thrown by <see cref="OriginBoundContent"/> when a handler redirected the request to another origin.</summary>
/// <param name="location">Where the request was redirected.</param>
internal sealed class CrossOriginRedirectException(Uri location)
    : InvalidOperationException($"The request was redirected to {location.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped)}; its body was not sent there.")
{
    public Uri Location { get; } = location;
}
