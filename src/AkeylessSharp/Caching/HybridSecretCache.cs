using AkeylessSharp.Caching.Internal;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AkeylessSharp.Caching;

/// <summary>
/// An <see cref="ISecretCache"/> over the application's <see cref="HybridCache"/> (an in-process L1 in front of an
/// <c>IDistributedCache</c> L2), for applications that already run one.
/// </summary>
/// <remarks>
/// <para>
/// Entries are the same encrypted envelopes as <see cref="DistributedSecretCache"/>'s, stored as base64 text, so neither
/// HybridCache level ever holds a value in clear. HybridCache hands back the same envelope instance on every L1 hit, so
/// each envelope is decrypted once and its value kept, in this process's memory as the memory cache keeps values, for as
/// long as HybridCache keeps the envelope. An entry that fails to decrypt is logged and is a miss.
/// </para>
/// <para>
/// Entries are tagged <see cref="Tag"/>; <see cref="ClearAsync"/> invalidates that tag. An entry another instance wrote
/// is read from L2 once, then kept in L1 like any HybridCache entry (its local expiration, never past the entry's own).
/// L2 failures and the L1's view of other instances' removals follow HybridCache's own rules.
/// </para>
/// <para>
/// HybridCache refuses keys with control characters or longer than its <c>MaximumKeyLength</c>; keys of versions,
/// JSON attributes, dynamic and rotated secrets, and long paths are escaped or hashed to fit its default limit of 1024.
/// </para>
/// </remarks>
public sealed class HybridSecretCache : ISecretCache
{
    /// <summary>The tag on every entry, invalidated by <see cref="ClearAsync"/>.</summary>
    public const string Tag = "akeyless-secrets";

    private static readonly string[] Tags = [Tag];

    // Reads never create entries: a miss runs no factory and nothing is written to L2. An entry found in L2 (another
    // instance's) is kept in L1 as HybridCache keeps any, never past the entry's own expiry, so its next hits are L1 hits.
    private static readonly HybridCacheEntryOptions ReadOnly = new()
    {
        Flags = HybridCacheEntryFlags.DisableUnderlyingData | HybridCacheEntryFlags.DisableDistributedCacheWrite,
    };

    private readonly HybridCache _cache;
    private readonly SecretProtector _protector;
    private readonly ILogger _logger;
    private readonly string _prefix;
    private readonly PrefixedKeys _keys;
    private readonly OpenedEnvelopes _opened = new();

    /// <summary>Creates a cache over <paramref name="cache"/>.</summary>
    /// <param name="cache">The application's hybrid cache.</param>
    /// <param name="options">The key prefix and encryption keys.</param>
    /// <param name="loggerFactory">Where rejected entries are logged; <see langword="null"/> logs nothing.</param>
    /// <param name="dataProtectionProvider">Required when <see cref="AkeylessCacheOptions.UseDataProtection"/> is set.</param>
    /// <exception cref="AkeylessConfigurationException">The options are invalid, or neither an encryption key nor Data Protection is configured.</exception>
    public HybridSecretCache(HybridCache cache, AkeylessCacheOptions options, ILoggerFactory? loggerFactory = null, IDataProtectionProvider? dataProtectionProvider = null)
    {
        ArgumentNullException.ThrowIfNull(cache);
        _protector = SecretProtector.Create(options, dataProtectionProvider);
        _cache = cache;
        _logger = loggerFactory?.CreateLogger<HybridSecretCache>() ?? (ILogger)NullLogger.Instance;
        _prefix = options.KeyPrefix;
        _keys = new PrefixedKeys(_prefix, HybridCacheKey.Of);
    }

    /// <inheritdoc />
    public ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);

        // Not async: an L1 hit completes synchronously, and so does this.
        string storageKey = StorageKey(key);
        var lookup = _cache.GetOrCreateAsync<string?>(storageKey, static _ => ValueTask.FromResult<string?>(null), ReadOnly, tags: null, cancellationToken);
        return lookup.IsCompletedSuccessfully ? new ValueTask<string?>(Open(key, storageKey, lookup.Result)) : OpenAsync(key, storageKey, lookup);
    }

    private async ValueTask<string?> OpenAsync(string key, string storageKey, ValueTask<string?> lookup) => Open(key, storageKey, await lookup.ConfigureAwait(false));

    /// <summary>Decrypts an envelope read from under <paramref name="storageKey"/>, the key (prefix included) it must be bound to.</summary>
    private string? Open(string key, string storageKey, string? envelope)
    {
        if (envelope is null)
        {
            return null;
        }

        if (_opened.TryGet(envelope, storageKey, out string? known))
        {
            return known;
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(envelope);
        }
        catch (FormatException)
        {
            Log.EntryRejected(_logger, key, UnprotectFailure.UnknownFormat);
            return null;
        }

        if (_protector.TryUnprotect(storageKey, bytes, out string? value, out var failure))
        {
            _opened.Add(envelope, storageKey, value);
            return value;
        }

        if (failure == UnprotectFailure.FormerFormat)
        {
            Log.FormerFormatEntry(_logger, key);
            return null;
        }

        Log.EntryRejected(_logger, key, failure);
        CacheMetrics.Shared.Rejected.Add(1);
        return null;
    }

    /// <inheritdoc />
    /// <remarks>A time to live longer than a century (<see cref="TimeSpan.MaxValue"/>, say) is held for a century.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ttl"/> is not positive.</exception>
    public ValueTask SetAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);

        // HybridCache's levels add the expiration to now and silently drop an entry whose instant is past year 9999.
        ttl = Timestamps.CapLifetime(ttl);
        string storageKey = StorageKey(key);
        string envelope = Convert.ToBase64String(_protector.Protect(storageKey, value));
        _opened.Add(envelope, storageKey, value);
        return _cache.SetAsync(storageKey, envelope, new HybridCacheEntryOptions { Expiration = ttl, LocalCacheExpiration = ttl }, Tags, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _cache.RemoveAsync(StorageKey(key), cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask ClearAsync(CancellationToken cancellationToken = default) => _cache.RemoveByTagAsync(Tag, cancellationToken);

    /// <summary>
    /// The HybridCache key of <paramref name="key"/>, remembered unless it belongs to an epoch of its path: a write ends
    /// the epoch and its keys are never read again, so remembering them would fill the memo with dead keys and leave
    /// later paths to build theirs on every hit.
    /// </summary>
    private string StorageKey(string key) => SecretCacheKey.IsInEpoch(key) ? HybridCacheKey.Of(_prefix, key) : _keys.For(key);

    /// <summary>Describes the cache without keys or values.</summary>
    /// <returns>The prefix.</returns>
    public override string ToString() => $"HybridSecretCache (prefix {_prefix})";
}
