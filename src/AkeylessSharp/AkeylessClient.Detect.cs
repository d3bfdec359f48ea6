using System.Collections.Concurrent;
using AkeylessSharp.Diagnostics;

namespace AkeylessSharp;

/// <content><see cref="GetAsync"/>: type detection once per path, then dispatch.</content>
public partial class AkeylessClient
{
    private readonly ConcurrentDictionary<string, AkeylessItemType> _detectedTypes = new(StringComparer.Ordinal);

    /// <inheritdoc />
    /// <exception cref="AkeylessNotFoundException">No item exists at <paramref name="path"/>.</exception>
    /// <exception cref="AkeylessException">The item is not a static, dynamic or rotated secret.</exception>
    public virtual async Task<SecretValue> GetAsync(string path, SecretRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!_detectedTypes.TryGetValue(path, out var type))
        {
            type = (await DescribeItemAsync(path, cancellationToken).ConfigureAwait(false)).Type;
            _detectedTypes[path] = type;
            Log.ItemTypeDetected(_logger, path, type);
        }

        try
        {
            var value = type switch
            {
                AkeylessItemType.StaticSecret => await GetSecretAsync(path, options, cancellationToken).ConfigureAwait(false),
                AkeylessItemType.DynamicSecret => Select((await GetDynamicSecretAsync(path, options as DynamicSecretRequestOptions ?? ToDynamic(options), cancellationToken).ConfigureAwait(false)).Fields.GetRawText(), path, options),
                AkeylessItemType.RotatedSecret => Select((await GetRotatedSecretAsync(path, options, cancellationToken).ConfigureAwait(false)).Fields.GetRawText(), path, options),
                _ => throw new AkeylessException($"GetAsync reads static, dynamic and rotated secrets; the item at '{path}' is a {type}. Use the operation for that item type.", path: path),
            };
            return new SecretValue { Type = type, Value = value };
        }
        catch (AkeylessNotFoundException)
        {
            // The item may have been deleted and recreated as another kind: detect again next time.
            _detectedTypes.TryRemove(path, out _);
            throw;
        }
    }

    private static DynamicSecretRequestOptions? ToDynamic(SecretRequestOptions? options) =>
        options is null ? null : new DynamicSecretRequestOptions { Timeout = options.Timeout, Refresh = options.Refresh, IgnoreGatewayCache = options.IgnoreGatewayCache };
}
