using AkeylessSharp.Http.Contracts;
using AkeylessSharp.Http.Internal;

namespace AkeylessSharp.Secrets.Internal;

/// <summary>
/// The single path every static secret read goes through (one <c>get-secret-value</c> for many names), so a cache,
/// batching or stale-if-error can later wrap this one class. Values are returned as text: object values (some
/// Gateways return them for JSON and password secrets) are turned into their JSON text.
/// </summary>
/// <param name="client">Sends the requests.</param>
/// <param name="maxBatchSize">The most names one request carries; longer lists go out as several requests.</param>
internal sealed class StaticSecretReader(AkeylessClient client, int maxBatchSize)
{
    /// <summary>
    /// The most names one request carries when no <see cref="Caching.AkeylessCacheOptions.MaxBatchSize"/> is configured:
    /// the largest batch the library lets anyone configure (that option's and the configuration provider's BatchSize
    /// upper bound), so a batch a caller formed on purpose goes out whole and only longer lists are split.
    /// </summary>
    public const int DefaultMaxBatchSize = 1000;

    /// <summary>How many requests of one long read are in flight at once: enough to overlap round trips, few enough not to flood the service.</summary>
    public const int MaxRequestsInFlight = 4;

    /// <summary>
    /// Reads every name, in requests of at most <c>maxBatchSize</c> names, <see cref="MaxRequestsInFlight"/> at a time.
    /// Any request failing fails the read (a missing name too, as one request for every name would), and no new
    /// request starts after it.
    /// </summary>
    public Task<Dictionary<string, string>> ReadAsync(IReadOnlyList<string> names, SecretRequestOptions? options, CancellationToken cancellationToken) =>
        names.Count <= maxBatchSize ? ReadBatchAsync(names, options, cancellationToken) : ReadInBatchesAsync(names, options, cancellationToken);

    private async Task<Dictionary<string, string>> ReadInBatchesAsync(IReadOnlyList<string> names, SecretRequestOptions? options, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(names.Count, StringComparer.Ordinal);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = MaxRequestsInFlight, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(names.Chunk(maxBatchSize), parallel, async (batch, ct) =>
        {
            var part = await ReadBatchAsync(batch, options, ct).ConfigureAwait(false);
            lock (values)
            {
                foreach (var (name, value) in part)
                {
                    values[name] = value;
                }
            }
        }).ConfigureAwait(false);
        return values;
    }

    private async Task<Dictionary<string, string>> ReadBatchAsync(IReadOnlyList<string> names, SecretRequestOptions? options, CancellationToken cancellationToken)
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
