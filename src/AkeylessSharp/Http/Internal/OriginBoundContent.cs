using System.Net;
using System.Text.Json.Serialization.Metadata;

namespace AkeylessSharp.Http.Internal;

/// <summary>
/// A JSON request body (which carries the credential or token) that refuses to be written for a request whose URI has
/// left the configured origin. Handlers this library builds never follow redirects; this guards an <see cref="HttpClient"/>
/// supplied by the caller whose handler does: a 307/308 hop to another origin then fails before the body is sent.
/// The body lives in a pooled array (see <see cref="PooledJson"/>), returned cleared when the content is disposed.
/// </summary>
internal sealed class OriginBoundContent : HttpContent
{
    private readonly Uri _target;
    private readonly int _length;
    private byte[]? _body;

    private OriginBoundContent(byte[] body, int length, Uri target)
    {
        _body = body;
        _length = length;
        _target = target;
    }

    /// <summary>The request this body belongs to; a redirecting handler rewrites its <see cref="HttpRequestMessage.RequestUri"/>.</summary>
    public HttpRequestMessage? Request { get; set; }

    /// <summary>The JSON written; empty once the content is disposed.</summary>
    public ReadOnlyMemory<byte> Json => _body is { } body ? body.AsMemory(0, _length) : default;

    public static OriginBoundContent Create<T>(T body, JsonTypeInfo<T> info, Uri target) =>
        new(PooledJson.Rent(body, info, out var length), length, target);

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        EnsureOrigin();
        stream.Write(Body(), 0, _length);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        EnsureOrigin();
        return stream.WriteAsync(Body(), 0, _length, cancellationToken);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _body, null) is { } body)
        {
            PooledJson.Return(body);
        }

        base.Dispose(disposing);
    }

    private byte[] Body() => _body ?? throw new ObjectDisposedException(nameof(OriginBoundContent));

    private void EnsureOrigin()
    {
        var current = Request?.RequestUri;
        if (current is not null && !ReferenceEquals(current, _target) && !SameOrigin(current, _target))
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
