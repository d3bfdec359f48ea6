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

    /// <summary>
    /// Nothing when a request could carry a token now, or the client is disposed (a batch then goes out and fails as every
    /// call does after Dispose, instead of starting an authentication); otherwise the authentication it would wait for.
    /// </summary>
    private Task? WhenTokenReady()
    {
        if (_disposed)
        {
            return null;
        }

        var token = _tokens.GetTokenAsync(CancellationToken.None);
        return token.IsCompleted ? null : ReadyOrDisposedAsync(token.AsTask());
    }

    /// <summary>
    /// The authentication a batch waits for, ending without its failure if disposing the client ended it: the batch's
    /// request then fails with this client's <see cref="ObjectDisposedException"/>, not the HTTP client's.
    /// </summary>
    private async Task ReadyOrDisposedAsync(Task<Auth.AkeylessToken> token)
    {
        try
        {
            await token.ConfigureAwait(false);
        }
        catch (Exception) when (_disposed)
        {
            // The batch's own request reports the disposal.
        }
    }

    /// <summary>
    /// Whether a read naming <paramref name="path"/> (or a dynamic secret's target, a rotated secret's host) may use the
    /// cache. One holding the cache key separator could spell another read's version, JSON attribute, dynamic key or
    /// producer arguments (<c>/a\u001fstatic\u001fv=3</c>, a target <c>db\u001fargs=...</c>) and be answered with that
    /// entry, so it is read from Akeyless every time. (Dynamic and rotated keys put their own kind after the path, so a
    /// path cannot spell another's that way.)
    /// </summary>
    private static bool IsCacheable(string? path) => path is null || !path.Contains(SecretCacheKey.Separator);

    /// <summary>Whether every path of a bulk read may use the cache (see <see cref="IsCacheable(string?)"/>).</summary>
    private static bool AreCacheable(IEnumerable<string> paths)
    {
        if (paths is IList<string> list)
        {
            // Indexed: no enumerator to allocate on the bulk hit path.
            for (int i = 0; i < list.Count; i++)
            {
                if (!IsCacheable(list[i]))
                {
                    return false;
                }
            }

            return true;
        }

        foreach (string path in paths)
        {
            if (!IsCacheable(path))
            {
                return false;
            }
        }

        return true;
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

        return cache.GetKeyedAsync(
            SecretCacheKey.Static(path, options!.Version, options.JsonAttribute),
            SecretKind.Static,
            refresh,
            (Client: this, Cache: cache, Path: path, Options: options),
            static async (s, ct) => s.Cache.Ttl.Static(await s.Client.ReadSecretAsync(s.Path, s.Options, ct).ConfigureAwait(false)),
            cancellationToken);
    }

    private Task<DynamicSecret> ReadDynamicCachedAsync(CachingSecretReader cache, string path, DynamicSecretRequestOptions? options, CancellationToken cancellationToken) =>
        ReadDecodedAsync(
            cache,
            SecretCacheKey.Dynamic(path, options?.Target, options?.Arguments),
            SecretKind.Dynamic,
            Http.Internal.CommandCatalog.GetDynamicSecretValue,
            path,
            options?.Refresh == true,
            (Client: this, Cache: cache, Path: path, Options: options),
            static async (s, ct) =>
            {
                var secret = await s.Client.FetchDynamicSecretAsync(s.Path, s.Options, ct).ConfigureAwait(false);
                return s.Cache.Ttl.Dynamic(SecretValueCodec.EncodeDynamic(secret), secret.ExpiresAt);
            },
            static (encoded, path, now) => SecretValueCodec.TryDecodeDynamic(encoded, path, now, out var secret) ? secret : null,
            cancellationToken);

    private Task<RotatedSecret> ReadRotatedCachedAsync(CachingSecretReader cache, string path, SecretRequestOptions? options, CancellationToken cancellationToken) =>
        ReadDecodedAsync(
            cache,
            SecretCacheKey.Rotated(path, options?.Version, jsonAttribute: null, (options as RotatedSecretRequestOptions)?.Host, (options as RotatedSecretRequestOptions)?.Arguments),
            SecretKind.Rotated,
            Http.Internal.CommandCatalog.GetRotatedSecretValue,
            path,
            options?.Refresh == true,
            (Client: this, Cache: cache, Path: path, Options: options),
            static async (s, ct) =>
            {
                var value = await s.Client.FetchRotatedSecretAsync(s.Path, s.Options, ct).ConfigureAwait(false);
                var nextRotation = await s.Client.NextRotationAsync(s.Path, ct).ConfigureAwait(false);
                return s.Cache.Ttl.Rotated(SecretValueCodec.EncodeRotated(value), nextRotation);
            },
            static (encoded, _, _) => SecretValueCodec.TryDecodeRotated(encoded, out var secret) ? secret : null,
            cancellationToken);

    /// <summary>
    /// Reads a cached dynamic or rotated entry and decodes it. An entry this version cannot decode (another version wrote
    /// it to a shared cache, or it is corrupt) is logged and read afresh, overwriting it.
    /// </summary>
    private async Task<TSecret> ReadDecodedAsync<TState, TSecret>(
        CachingSecretReader cache,
        string key,
        SecretKind kind,
        string command,
        string path,
        bool refresh,
        TState state,
        Func<TState, CancellationToken, Task<CacheableValue>> fetch,
        Func<string, string, DateTimeOffset, TSecret?> tryDecode,
        CancellationToken cancellationToken)
        where TSecret : class
    {
        string encoded = await cache.GetKeyedAsync(key, kind, refresh, state, fetch, cancellationToken).ConfigureAwait(false);
        if (tryDecode(encoded, path, _timeProvider.GetUtcNow()) is { } secret)
        {
            return secret;
        }

        Caching.Internal.Log.EntryUnreadable(_logger, key);
        encoded = await cache.GetKeyedAsync(key, kind, refresh: true, state, fetch, cancellationToken).ConfigureAwait(false);
        return tryDecode(encoded, path, _timeProvider.GetUtcNow())
            ?? throw Errors.Internal.ExceptionFactory.InvalidResponse(command, path, "an answer that cannot be cached");
    }

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
