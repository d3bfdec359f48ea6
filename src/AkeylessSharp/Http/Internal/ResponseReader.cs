using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AkeylessSharp.Errors.Internal;

namespace AkeylessSharp.Http.Internal;

/// <summary>
/// Turns a buffered success answer into its contract, or into a typed error: an HTML page (not the API), another
/// content type, an empty body or invalid JSON (protocol errors), a body cut short (service unavailable).
/// </summary>
internal static class ResponseReader
{
    public static TResponse Read<TResponse>(HttpResponseMessage response, JsonTypeInfo<TResponse> info, Uri baseUri, string command, string? path)
    {
        CheckContentType(response, baseUri, command, path);
        try
        {
            // The content is buffered (HttpCompletionOption.ResponseContentRead): reading it cannot block.
            using var stream = response.Content.ReadAsStream();
            if (stream.CanSeek && stream.Length == 0)
            {
                throw ExceptionFactory.InvalidResponse(command, path, "an empty body", response.StatusCode);
            }

            return JsonSerializer.Deserialize(stream, info)
                ?? throw ExceptionFactory.InvalidResponse(command, path, "an empty (null) body", response.StatusCode);
        }
        catch (JsonException ex)
        {
            // The JSON exception text can quote the body, which may hold a secret: keep only its position.
            throw ExceptionFactory.InvalidResponse(command, path, $"invalid JSON (line {ex.LineNumber}, byte {ex.BytePositionInLine})", response.StatusCode);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw ExceptionFactory.BodyCutShort(command, path, response.StatusCode, ex);
        }
    }

    private static void CheckContentType(HttpResponseMessage response, Uri baseUri, string command, string? path)
    {
        // NonValidated: no header parsing (and no allocation) on the hot path.
        if (!response.Content.Headers.NonValidated.TryGetValues("Content-Type", out var values))
        {
            return;
        }

        foreach (var value in values)
        {
            if (IsJson(value))
            {
                return;
            }

            var mediaType = MediaTypeHeaderValue.TryParse(value, out var parsed) ? parsed.MediaType : null;
            if (mediaType is "text/html" or "application/xhtml+xml")
            {
                throw ExceptionFactory.NotTheApi(baseUri, command, path, response.StatusCode, "an HTML page");
            }

            throw ExceptionFactory.InvalidResponse(command, path, $"content type '{mediaType ?? "(unparsable)"}' instead of application/json", response.StatusCode);
        }
    }

    private static bool IsJson(string contentType)
    {
        var span = contentType.AsSpan().TrimStart();
        var end = span.IndexOf(';');
        var mediaType = (end < 0 ? span : span[..end]).TrimEnd();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }
}
