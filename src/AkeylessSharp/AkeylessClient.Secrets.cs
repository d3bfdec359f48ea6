using System.Text.Json;
using AkeylessSharp.Caching.Internal;
using AkeylessSharp.Http.Contracts;
using AkeylessSharp.Http.Internal;
using AkeylessSharp.Secrets.Internal;

namespace AkeylessSharp;

/// <content>Static, dynamic and rotated secret reads.</content>
public partial class AkeylessClient
{
    /// <inheritdoc />
    /// <exception cref="AkeylessJsonAttributeException">A <see cref="SecretRequestOptions.JsonAttribute"/> was given and the value is not JSON or lacks it.</exception>
    /// <exception cref="AkeylessUnauthorizedException">Authentication failed.</exception>
    /// <exception cref="AkeylessForbiddenException">The roles do not allow reading <paramref name="path"/>.</exception>
    public virtual ValueTask<string> GetSecretAsync(string path, SecretRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Internal.SentText.ThrowIfInvalidPath(path);
        ReadArguments.ThrowIfInvalid(options);
        ThrowIfDisposed();

        // Not async: a cache hit returns the cache's completed ValueTask as is, without allocating.
        return _secretCache is { } cache && IsCacheable(path) ? ReadSecretCachedAsync(cache, path, options, cancellationToken) : ReadSecretAsync(path, options, cancellationToken);
    }

    private ValueTask<string> ReadSecretAsync(string path, SecretRequestOptions? options, CancellationToken cancellationToken) =>
        _staticReader.ReadOneAsync(path, options, cancellationToken);

    /// <inheritdoc />
    public virtual async ValueTask<string?> TryGetSecretAsync(string path, SecretRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        // Ends with this method: the calls made for it log a not-found at Debug and keep their span's status unset.
        Diagnostics.Internal.ExpectedNotFound.Set();
        try
        {
            return await GetSecretAsync(path, options, cancellationToken).ConfigureAwait(false);
        }
        catch (AkeylessNotFoundException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    /// <exception cref="AkeylessJsonAttributeException">A <see cref="SecretRequestOptions.JsonAttribute"/> was given and one of the values is not JSON or lacks it.</exception>
    public virtual async Task<IReadOnlyDictionary<string, string>> GetSecretsAsync(IEnumerable<string> paths, SecretRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ReadArguments.ThrowIfInvalid(options);
        ThrowIfDisposed();
        StartedLookup? started = null;
        var secretCache = _secretCache;
        if (secretCache is not null)
        {
            // The paths are read again below, so a lazy sequence is read once, into an array.
            paths = paths as ICollection<string> ?? paths.ToArray();
            secretCache = AreCacheable(paths) ? secretCache : null;
        }

        if (secretCache is { } hits && IsPlainRead(options) && options?.Refresh != true)
        {
            // All hits: answered in one pass that allocates only the result.
            if (hits.TryGetAllCached(paths, cancellationToken, out var cached, out started))
            {
                return cached;
            }
        }

        var names = paths.Distinct(StringComparer.Ordinal).ToArray();
        ReadArguments.ThrowIfAnyBlank(names);
        if (names.Length == 0)
        {
            return new Dictionary<string, string>();
        }

        if (secretCache is { } cache)
        {
            return IsPlainRead(options)
                ? await cache.GetSecretsAsync(names, options?.Refresh == true, started, cancellationToken).ConfigureAwait(false)
                : await ReadSecretsCachedAsync(cache, names, options!, cancellationToken).ConfigureAwait(false);
        }

        var values = await _staticReader.ReadAsync(names, options, cancellationToken).ConfigureAwait(false);
        if (options?.JsonAttribute is not null)
        {
            foreach (var name in names)
            {
                values[name] = Select(values[name], name, options);
            }
        }

        return values;
    }

    /// <summary>A bulk read with per-call options, each path cached under its own key.</summary>
    /// <remarks>A method of its own so that its closures are allocated only by the reads that take it.</remarks>
    private Task<IReadOnlyDictionary<string, string>> ReadSecretsCachedAsync(CachingSecretReader cache, string[] names, SecretRequestOptions options, CancellationToken cancellationToken) =>
        cache.GetSecretsAsync(
            names,
            path => SecretCacheKey.Static(path, options.Version, options.JsonAttribute),
            (path, whole) => Select(whole, path, options),
            options.Refresh,
            async (batch, ct) => await _staticReader.ReadAsync(batch, options, ct).ConfigureAwait(false),
            cancellationToken);

    /// <inheritdoc />
    /// <exception cref="AkeylessException">The producer failed: a Gateway answered with its <c>error</c>, which the message quotes.</exception>
    public virtual Task<DynamicSecret> GetDynamicSecretAsync(string path, DynamicSecretRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Internal.SentText.ThrowIfInvalidPath(path);
        ReadArguments.ThrowIfInvalid(options);
        ThrowIfDisposed();
        return _secretCache is { } cache && IsCacheable(options?.Target) ? ReadDynamicCachedAsync(cache, path, options, cancellationToken) : FetchDynamicSecretAsync(path, options, cancellationToken);
    }

    private async Task<DynamicSecret> FetchDynamicSecretAsync(string path, DynamicSecretRequestOptions? options, CancellationToken cancellationToken)
    {
        var request = new GetDynamicSecretValueRequest
        {
            Name = path,
            Args = options is { Arguments.Count: > 0 } ? ToArgs(options.Arguments) : null,
            Target = options?.Target,
            Timeout = options?.ProducerTimeout is { } t ? (long)Math.Ceiling(t.TotalSeconds) : null,
        };
        var fields = await InvokeAsync(CommandCatalog.GetDynamicSecretValue, path, request, AkeylessJsonContext.Default.GetDynamicSecretValueRequest,
            AkeylessJsonContext.Default.JsonElement, options?.Timeout, cancellationToken).ConfigureAwait(false);
        return SecretParsers.ParseDynamic(fields, path, _timeProvider.GetUtcNow(), sent: request);
    }

    /// <inheritdoc />
    public virtual async Task<RotatedSecret> GetRotatedSecretAsync(string path, SecretRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        Internal.SentText.ThrowIfInvalidPath(path);
        ReadArguments.ThrowIfInvalid(options);
        ThrowIfDisposed();
        return _secretCache is { } cache && IsCacheable((options as RotatedSecretRequestOptions)?.Host)
            ? await ReadRotatedCachedAsync(cache, path, options, cancellationToken).ConfigureAwait(false)
            : SecretParsers.ParseRotated(await FetchRotatedSecretAsync(path, options, cancellationToken).ConfigureAwait(false), path);
    }

    private async Task<GetRotatedSecretValueResponse> FetchRotatedSecretAsync(string path, SecretRequestOptions? options, CancellationToken cancellationToken)
    {
        var rotated = options as RotatedSecretRequestOptions;
        var request = new GetRotatedSecretValueRequest
        {
            Names = path,
            Version = options?.Version is > 0 ? options.Version : null,
            IgnoreCache = options?.IgnoreGatewayCache == true ? "true" : null,
            Host = string.IsNullOrWhiteSpace(rotated?.Host) ? null : rotated.Host,
            Args = rotated is { Arguments.Count: > 0 } ? ToArgs(rotated.Arguments) : null,
        };
        var response = await InvokeAsync(CommandCatalog.GetRotatedSecretValue, path, request, AkeylessJsonContext.Default.GetRotatedSecretValueRequest,
            AkeylessJsonContext.Default.GetRotatedSecretValueResponse, options?.Timeout, cancellationToken).ConfigureAwait(false);
        return response.Value.ValueKind != JsonValueKind.Undefined
            ? response
            : throw Errors.Internal.ExceptionFactory.InvalidResponse(CommandCatalog.GetRotatedSecretValue, path, "no 'value'");
    }

    private static string[] ToArgs(IReadOnlyDictionary<string, string> arguments) => arguments.Select(static a => $"{a.Key}={a.Value}").ToArray();

    private static string Select(string value, string path, SecretRequestOptions? options) => StaticSecretReader.Select(value, path, options);
}
