using System.Net;

namespace AkeylessSharp.Http.Internal;

/// <summary>
/// A success answer whose body passed <see cref="AkeylessClientOptions.MaxResponseSize"/>. Not an
/// <see cref="HttpRequestException"/>, so the retry does not ask again for an answer that will be as large; the transport
/// turns it into an <see cref="AkeylessProtocolException"/> naming the option.
/// </summary>
internal sealed class ResponseTooLargeException(int limit, HttpStatusCode status, Exception? innerException = null)
    : Exception($"The response body is larger than {limit} bytes.", innerException)
{
    public int Limit { get; } = limit;

    public HttpStatusCode Status { get; } = status;
}
