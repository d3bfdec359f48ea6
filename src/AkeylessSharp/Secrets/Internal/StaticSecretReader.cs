using System.Text.Json;
using AkeylessSharp.Http.Contracts;
using AkeylessSharp.Http.Internal;

namespace AkeylessSharp.Secrets.Internal;

/// <summary>
/// The single path every static secret read goes through (one <c>get-secret-value</c> for many names), so a cache,
/// batching or stale-if-error can later wrap this one class. Values are returned as text: object values (some
/// Gateways return them for JSON and password secrets) are turned into their JSON text.
/// </summary>
internal sealed class StaticSecretReader(AkeylessClient client)
{
    public async Task<Dictionary<string, string>> ReadAsync(IReadOnlyList<string> names, SecretRequestOptions? options, CancellationToken cancellationToken)
    {
        var request = new GetSecretValueRequest
        {
            Names = names,
            Version = options?.Version is > 0 ? options.Version : null,
            IgnoreCache = options?.IgnoreGatewayCache == true ? "true" : null,
        };
        var path = names.Count == 1 ? names[0] : null;
        var response = await client.InvokeAsync(
            CommandCatalog.GetSecretValue, path, request, AkeylessJsonContext.Default.GetSecretValueRequest,
            AkeylessJsonContext.Default.DictionaryStringJsonElement, options?.Timeout, cancellationToken).ConfigureAwait(false);

        var values = new Dictionary<string, string>(names.Count, StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!TryFind(response, name, out var element))
            {
                throw Errors.Internal.ExceptionFactory.FromStatus(System.Net.HttpStatusCode.NotFound, CommandCatalog.GetSecretValue, name, null);
            }

            values[name] = element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();
        }

        return values;
    }

    // The service echoes names as requested; tolerate one that added or dropped the leading '/'.
    private static bool TryFind(Dictionary<string, JsonElement> response, string name, out JsonElement element) =>
        response.TryGetValue(name, out element)
        || (name.StartsWith('/') ? response.TryGetValue(name[1..], out element) : response.TryGetValue("/" + name, out element));
}
