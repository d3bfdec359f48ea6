using AkeylessSharp.Caching;
using AkeylessSharp.Caching.Internal;

namespace AkeylessSharp;

/// <content>
/// The secret cache (<see cref="AkeylessClientOptions.Cache"/>): every read goes through one <see cref="CachingSecretReader"/>
/// that coalesces, batches and serves stale on outages; writes through this client evict what they change.
/// </content>
public partial class AkeylessClient
{
    private readonly CachingSecretReader? _secretCache;

    private CachingSecretReader? CreateSecretCache(AkeylessClientOptions options) =>
        options.Cache is { Enabled: true } cache
            ? new CachingSecretReader(options.SecretCache ?? new MemorySecretCache(_timeProvider), cache, FetchLatestSecretsAsync, _timeProvider, _logger, CacheMetrics.Shared, options.SecretFetchLock, WhenTokenReady, options.Timeout)
            : null;

    /// <summary>Nothing when a request could carry a token now; otherwise the authentication it would wait for.</summary>
    private Task? WhenTokenReady()
    {
        var token = _tokens.GetTokenAsync(CancellationToken.None);
        return token.IsCompleted ? null : token.AsTask();
    }

    /// <summary>Whether a read of a static secret is the plain latest whole value, the one that micro-batches.</summary>
    private static bool IsPlainRead(SecretRequestOptions? options) =>
        options is null || (options.Version is null && options.JsonAttribute is null && options.Timeout is null && !options.IgnoreGatewayCache);

    private async Task<IReadOnlyDictionary<string, string>> FetchLatestSecretsAsync(IReadOnlyList<string> names, CancellationToken cancellationToken) =>
        await _staticReader.ReadAsync(names, null, cancellationToken).ConfigureAwait(false);

    private ValueTask<string> ReadSecretCachedAsync(CachingSecretReader cache, string path, SecretRequestOptions? options, CancellationToken cancellationToken)
    {
        bool refresh = options?.Refresh == true;
        if (IsPlainRead(options))
        {
            return cache.GetSecretAsync(path, refresh, cancellationToken);
        }

        return cache.GetAsync(
            SecretCacheKey.Static(path, options!.Version, options.JsonAttribute),
            SecretKind.Static,
            refresh,
            (Client: this, Cache: cache, Path: path, Options: options),
            static async (s, ct) => s.Cache.Ttl.Static(await s.Client.ReadSecretAsync(s.Path, s.Options, ct).ConfigureAwait(false)),
            cancellationToken);
    }

    private async Task<DynamicSecret> ReadDynamicCachedAsync(CachingSecretReader cache, string path, DynamicSecretRequestOptions? options, CancellationToken cancellationToken)
    {
        var key = SecretCacheKey.Dynamic(path, options?.Target, options?.Arguments);
        var refresh = options?.Refresh == true;
        string encoded = await ReadEncodedDynamicAsync(cache, key, path, options, refresh, cancellationToken).ConfigureAwait(false);
        if (!SecretValueCodec.TryDecodeDynamic(encoded, path, _timeProvider.GetUtcNow(), out var secret))
        {
            // Not what this version writes: read afresh, overwriting it.
            Caching.Internal.Log.EntryUnreadable(_logger, key);
            encoded = await ReadEncodedDynamicAsync(cache, key, path, options, refresh: true, cancellationToken).ConfigureAwait(false);
            secret = SecretValueCodec.TryDecodeDynamic(encoded, path, _timeProvider.GetUtcNow(), out var fresh) ? fresh
                : throw Errors.Internal.ExceptionFactory.InvalidResponse(Http.Internal.CommandCatalog.GetDynamicSecretValue, path, "an answer that cannot be cached");
        }

        return secret;
    }

    private ValueTask<string> ReadEncodedDynamicAsync(CachingSecretReader cache, string key, string path, DynamicSecretRequestOptions? options, bool refresh, CancellationToken cancellationToken) =>
        cache.GetAsync(
            key,
            SecretKind.Dynamic,
            refresh,
            (Client: this, Cache: cache, Path: path, Options: options),
            static async (s, ct) =>
            {
                var secret = await s.Client.FetchDynamicSecretAsync(s.Path, s.Options, ct).ConfigureAwait(false);
                return s.Cache.Ttl.Dynamic(SecretValueCodec.EncodeDynamic(secret), secret.ExpiresAt);
            },
            cancellationToken);

    private async Task<RotatedSecret> ReadRotatedCachedAsync(CachingSecretReader cache, string path, SecretRequestOptions? options, CancellationToken cancellationToken)
    {
        var key = SecretCacheKey.Rotated(path, options?.Version, jsonAttribute: null, (options as RotatedSecretRequestOptions)?.Host, (options as RotatedSecretRequestOptions)?.Arguments);
        var refresh = options?.Refresh == true;
        string encoded = await ReadEncodedRotatedAsync(cache, key, path, options, refresh, cancellationToken).ConfigureAwait(false);
        if (!SecretValueCodec.TryDecodeRotated(encoded, out var secret))
        {
            Caching.Internal.Log.EntryUnreadable(_logger, key);
            encoded = await ReadEncodedRotatedAsync(cache, key, path, options, refresh: true, cancellationToken).ConfigureAwait(false);
            secret = SecretValueCodec.TryDecodeRotated(encoded, out var fresh) ? fresh
                : throw Errors.Internal.ExceptionFactory.InvalidResponse(Http.Internal.CommandCatalog.GetRotatedSecretValue, path, "an answer that cannot be cached");
        }

        return secret;
    }

    private ValueTask<string> ReadEncodedRotatedAsync(CachingSecretReader cache, string key, string path, SecretRequestOptions? options, bool refresh, CancellationToken cancellationToken) =>
        cache.GetAsync(
            key,
            SecretKind.Rotated,
            refresh,
            (Client: this, Cache: cache, Path: path, Options: options),
            static async (s, ct) =>
            {
                var value = await s.Client.FetchRotatedSecretAsync(s.Path, s.Options, ct).ConfigureAwait(false);
                var nextRotation = await s.Client.NextRotationAsync(s.Path, ct).ConfigureAwait(false);
                return s.Cache.Ttl.Rotated(SecretValueCodec.EncodeRotated(value), nextRotation);
            },
            cancellationToken);

    /// <summary>
    /// When the rotated secret changes next, so a cached value ends there rather than outliving the rotation; <see langword="null"/>
    /// when it is not auto-rotated or cannot be described (the configured time to live then applies alone).
    /// </summary>
    private async Task<DateTimeOffset?> NextRotationAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return (await DescribeItemAsync(path, cancellationToken).ConfigureAwait(false)).NextRotationOn;
        }
        catch (AkeylessException ex) when (ex is not AkeylessNotFoundException)
        {
            Diagnostics.Log.NextRotationUnknown(_logger, path, ex);
            return null;
        }
    }

    /// <summary>After a write through this client, its own next read must see the write.</summary>
    private ValueTask InvalidateCachedAsync(string path) => _secretCache?.InvalidatePathAsync(path) ?? ValueTask.CompletedTask;
}
