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
        var response = await SendAsync(names, options, cancellationToken).ConfigureAwait(false);
        if (response.Count == names.Count && ContainsAll(response, names))
        {
            return response;
        }

        var values = new Dictionary<string, string>(names.Count, StringComparer.Ordinal);
        foreach (var name in names)
        {
            values[name] = Find(response, name);
        }

        return values;
    }

    /// <summary>One path, with <see cref="SecretRequestOptions.JsonAttribute"/> applied: no result dictionary of its own.</summary>
    public async ValueTask<string> ReadOneAsync(string path, SecretRequestOptions? options, CancellationToken cancellationToken)
    {
        var value = Find(await SendAsync([path], options, cancellationToken).ConfigureAwait(false), path);
        return options?.JsonAttribute is { Length: > 0 } attribute ? JsonAttributeSelector.Select(value, attribute, path) : value;
    }

    private Task<SecretValueMap> SendAsync(IReadOnlyList<string> names, SecretRequestOptions? options, CancellationToken cancellationToken)
    {
        var request = new GetSecretValueRequest
        {
            Names = names,
            Version = options?.Version is > 0 ? options.Version : null,
            IgnoreCache = options?.IgnoreGatewayCache == true ? "true" : null,
        };
        return client.InvokeAsync(
            CommandCatalog.GetSecretValue, names.Count == 1 ? names[0] : null, request, AkeylessJsonContext.Default.GetSecretValueRequest,
            AkeylessJsonContext.Default.SecretValueMap, options?.Timeout, cancellationToken);
    }

    private static bool ContainsAll(SecretValueMap response, IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            if (!response.ContainsKey(name))
            {
                return false;
            }
        }

        return true;
    }

    // The service echoes names as requested; tolerate one that added or dropped the leading '/'.
    private static string Find(SecretValueMap response, string name) =>
        response.TryGetValue(name, out var value)
        || (name.StartsWith('/') ? response.TryGetValue(name[1..], out value) : response.TryGetValue("/" + name, out value))
            ? value
            : throw Errors.Internal.ExceptionFactory.FromStatus(System.Net.HttpStatusCode.NotFound, CommandCatalog.GetSecretValue, name, null);
}
