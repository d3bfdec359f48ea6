namespace AkeylessSharp.Http.Internal;

/// <summary>
/// Reads the whole response body inside the resilience pipeline, so the attempt timeout covers a stalled body and a
/// body cut short is a transient failure the retry strategy sees (and retries for reads), like a reset connection.
/// Used under <c>AddResilienceHandler</c> (DI); the client built without DI does the same in <see cref="ResilientSendHandler"/>.
/// </summary>
internal sealed class ResponseBufferingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
