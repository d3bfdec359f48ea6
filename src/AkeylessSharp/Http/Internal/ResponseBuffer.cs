namespace AkeylessSharp.Http.Internal;

/// <summary>
/// Reads an answer into memory inside its attempt, bounded: a success body up to
/// <see cref="AkeylessClientOptions.MaxResponseSize"/> (counted after decompression; a larger one is refused with
/// <see cref="ResponseTooLargeException"/>), an error body only up to <see cref="ErrorBodyLimit"/>, more than the error
/// message can use, so a 5xx with a huge page keeps its status and stays retryable.
/// </summary>
internal static class ResponseBuffer
{
    public const int ErrorBodyLimit = 64 * 1024;

    public static Task LoadAsync(HttpResponseMessage response, int maxResponseSize, CancellationToken cancellationToken) =>
        response.IsSuccessStatusCode ? LoadWholeAsync(response, maxResponseSize, cancellationToken) : KeepErrorPrefixAsync(response, cancellationToken);

    private static async Task LoadWholeAsync(HttpResponseMessage response, int maxResponseSize, CancellationToken cancellationToken)
    {
        // Refused before any byte is read: the announced body may never come (or take the whole attempt to come).
        if (response.Content.Headers.ContentLength > maxResponseSize)
        {
            throw new ResponseTooLargeException(maxResponseSize, response.StatusCode);
        }

        try
        {
            await response.Content.LoadIntoBufferAsync(maxResponseSize, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (ex.HttpRequestError == HttpRequestError.ConfigurationLimitExceeded)
        {
            throw new ResponseTooLargeException(maxResponseSize, response.StatusCode, ex);
        }
        catch (Exception ex) when ((ex is HttpRequestException or IOException) && !cancellationToken.IsCancellationRequested)
        {
            // Still transient for the retry, never a connection error (a write may have been applied), and with the
            // status, which tells the transport the server was reached and its answer broke off.
            throw new HttpRequestException(HttpRequestError.ResponseEnded, ex.Message, ex, response.StatusCode);
        }
    }

    private static async Task KeepErrorPrefixAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var original = response.Content;
        var prefix = new byte[(int)Math.Min(original.Headers.ContentLength ?? ErrorBodyLimit, ErrorBodyLimit)];
        var filled = 0;
        try
        {
            var stream = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                int read;
                while (filled < prefix.Length && (read = await stream.ReadAsync(prefix.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    filled += read;
                }
            }
        }
        catch (Exception ex) when ((ex is HttpRequestException or IOException or InvalidDataException) && !cancellationToken.IsCancellationRequested)
        {
            // The status is the answer: a body cut short only shortens the text the error message quotes.
        }

        var kept = new ByteArrayContent(prefix, 0, filled);
        foreach (var header in original.Headers.NonValidated)
        {
            if (header.Key is not ("Content-Length" or "Content-Encoding"))
            {
                kept.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        // Disposing the original drops whatever of the body was not read (and its connection).
        response.Content = kept;
        original.Dispose();
    }
}
