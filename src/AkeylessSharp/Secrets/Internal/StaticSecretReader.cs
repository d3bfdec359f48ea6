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

    /// <summary>One path, with <see cref="SecretRequestOptions.JsonAttribute"/> applied: no result dictionary and no async method of its own.</summary>
    public ValueTask<string> ReadOneAsync(string path, SecretRequestOptions? options, CancellationToken cancellationToken) =>
        new(client.InvokeAsync(
            CommandCatalog.GetSecretValue, path, Request([path], options), AkeylessJsonContext.Default.GetSecretValueRequest,
            AkeylessJsonContext.Default.SecretValueMap, options?.Timeout, static (response, read) => Select(Find(response, read.Path), read.Path, read.Options), (Path: path, Options: options),
            cancellationToken));

    private Task<SecretValueMap> SendAsync(IReadOnlyList<string> names, SecretRequestOptions? options, CancellationToken cancellationToken) =>
        client.InvokeAsync(
            CommandCatalog.GetSecretValue, names.Count == 1 ? names[0] : null, Request(names, options), AkeylessJsonContext.Default.GetSecretValueRequest,
            AkeylessJsonContext.Default.SecretValueMap, options?.Timeout, cancellationToken);

    private static GetSecretValueRequest Request(IReadOnlyList<string> names, SecretRequestOptions? options) => new()
    {
        Names = names,
        Version = options?.Version is > 0 ? options.Version : null,
        IgnoreCache = options?.IgnoreGatewayCache == true ? "true" : null,
    };

    /// <summary>Applies <see cref="SecretRequestOptions.JsonAttribute"/>, when given, to a whole value.</summary>
    public static string Select(string value, string path, SecretRequestOptions? options) =>
        options?.JsonAttribute is { Length: > 0 } attribute ? JsonAttributeSelector.Select(value, attribute, path) : value;

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
