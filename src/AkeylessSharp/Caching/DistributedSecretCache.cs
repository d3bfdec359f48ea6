using AkeylessSharp.Caching.Internal;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AkeylessSharp.Caching;

/// <summary>
/// An <see cref="ISecretCache"/> over any <see cref="IDistributedCache"/> (Redis through
/// <c>Microsoft.Extensions.Caching.StackExchangeRedis</c>, SQL Server, ...), so a fleet of instances makes one Akeyless
/// request per secret per time to live instead of one per instance.
/// </summary>
/// <remarks>
/// <para>
/// Values are encrypted at rest with AES-256-GCM under <see cref="AkeylessCacheOptions.EncryptionKey"/> or with
/// ASP.NET Core Data Protection; the envelope names the key that wrote it and is bound to the Redis (or other) key it is
/// stored under, prefix and generation included. An entry that
/// does not decrypt and authenticate is logged (without its content) and treated as a miss, never served.
/// </para>
/// <para>
/// When the distributed cache fails or answers slower than <see cref="AkeylessCacheOptions.DistributedCacheTimeout"/>,
/// the failure is logged and, for <see cref="AkeylessCacheOptions.DistributedCacheBreakDuration"/>, reads and writes use
/// an in-process cache instead of waiting on it: an outage costs fetches from Akeyless, never failed reads.
/// </para>
/// <para>
/// <see cref="ClearAsync"/> starts a new key generation rather than deleting keys one by one; other instances see it
/// within <see cref="AkeylessCacheOptions.GenerationCheckInterval"/>, and entries of older generations expire on their own.
/// </para>
/// </remarks>
public sealed partial class DistributedSecretCache : IStaleSecretCache
{
    private readonly IDistributedCache _cache;
    private readonly SecretProtector _protector;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CacheMetrics? _metrics;
    private readonly string _prefix;

    /// <summary>Creates a cache over <paramref name="cache"/>.</summary>
    /// <param name="cache">The distributed cache holding the encrypted entries.</param>
    /// <param name="options">The key prefix, encryption keys, timeout and break duration.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> uses <see cref="TimeProvider.System"/>.</param>
    /// <param name="loggerFactory">Where failures are logged; <see langword="null"/> logs nothing.</param>
    /// <param name="dataProtectionProvider">Required when <see cref="AkeylessCacheOptions.UseDataProtection"/> is set; ignored otherwise.</param>
    /// <exception cref="AkeylessConfigurationException">
    /// The options are invalid, or neither an encryption key nor Data Protection is configured.
    /// </exception>
    public DistributedSecretCache(
        IDistributedCache cache,
        AkeylessCacheOptions options,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null,
        IDataProtectionProvider? dataProtectionProvider = null)
        : this(cache, options, SecretProtector.Create(options, dataProtectionProvider), timeProvider, loggerFactory?.CreateLogger<DistributedSecretCache>(), CacheMetrics.Shared)
    {
    }

    internal DistributedSecretCache(IDistributedCache cache, AkeylessCacheOptions options, SecretProtector protector, TimeProvider? timeProvider, ILogger? logger, CacheMetrics? metrics)
    {
        ArgumentNullException.ThrowIfNull(cache);
        AkeylessCacheOptionsValidator.EnsureValid(options);
        _cache = cache;
        _protector = protector;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _metrics = metrics;
        _prefix = options.KeyPrefix;
        _generationCheckInterval = options.GenerationCheckInterval;
        _guard = new BackendGuard(_time, options.DistributedCacheTimeout, options.DistributedCacheBreakDuration, metrics);
        _fallback = new MemorySecretCache(_time);
    }

    /// <summary>Gets whether reads and writes currently go to the distributed cache rather than the in-process fallback.</summary>
    public bool IsDistributedCacheAvailable => _guard.IsClosed;

    /// <inheritdoc />
    bool IStaleSecretCache.IsAvailable => IsDistributedCacheAvailable;

    /// <inheritdoc />
    public ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _guard.TryEnter(out bool probe) ? GetCoreAsync(key, probe, cancellationToken) : _fallback.GetAsync(key, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Only the distributed cache keeps stale values; while it is failing this answers <see langword="null"/>.</remarks>
    public async ValueTask<SecretCacheEntry?> GetStaleAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!_guard.TryEnter(out bool probe))
        {
            return null;
        }

        var (ok, entry) = await ReadEntryAsync(key, probe, cancellationToken).ConfigureAwait(false);
        return ok && entry is not null && _time.GetUtcNow() < entry.Value.StaleUntil ? new SecretCacheEntry(entry.Value.Value, entry.Value.FreshUntil) : null;
    }

    /// <inheritdoc />
    /// <remarks>A time to live longer than a century (<see cref="TimeSpan.MaxValue"/>, say) is held for a century.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ttl"/> is not positive.</exception>
    public ValueTask SetAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken = default) =>
        SetAsync(key, value, ttl, TimeSpan.Zero, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ttl"/> is not positive, or <paramref name="staleFor"/> is negative.</exception>
    ValueTask IStaleSecretCache.SetAsync(string key, string value, TimeSpan ttl, TimeSpan staleFor, CancellationToken cancellationToken) =>
        SetAsync(key, value, ttl, staleFor, cancellationToken);

    private ValueTask SetAsync(string key, string value, TimeSpan ttl, TimeSpan staleFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(staleFor, TimeSpan.Zero);
        return _guard.TryEnter(out bool probe) ? SetCoreAsync(key, value, ttl, staleFor, probe, cancellationToken) : _fallback.SetAsync(key, value, ttl, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// A removal the distributed cache misses (it is failing) is not lost: once it answers again, this cache starts a new
    /// generation there before anything else, as <see cref="ClearAsync"/> does, so the removed entry is not read again
    /// (by other instances, after their next generation check).
    /// </remarks>
    public async ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await _fallback.RemoveAsync(key, cancellationToken).ConfigureAwait(false);
        bool removed = false;
        if (_guard.TryEnter(out bool probe))
        {
            (removed, _) = await GuardAsync(
                "remove",
                probe,
                async (self, ct) =>
                {
                    string generation = await self.GetGenerationAsync(ct).ConfigureAwait(false);
                    await self.WithTimeout(self._cache.RemoveAsync(self.EntryKey(generation, key), ct), ct).ConfigureAwait(false);
                    return true;
                },
                cancellationToken).ConfigureAwait(false);
        }

        if (!removed)
        {
            OnRemovalNotWritten();
        }
    }

    /// <summary>Describes the cache without keys or values.</summary>
    /// <returns>The prefix and whether the distributed cache is in use.</returns>
    public override string ToString() => $"DistributedSecretCache (prefix {_prefix}, {(IsDistributedCacheAvailable ? "distributed" : "in-process fallback")})";

    private async ValueTask<string?> GetCoreAsync(string key, bool probe, CancellationToken cancellationToken)
    {
        var (ok, entry) = await ReadEntryAsync(key, probe, cancellationToken).ConfigureAwait(false);
        if (!ok)
        {
            return await _fallback.GetAsync(key, cancellationToken).ConfigureAwait(false);
        }

        return entry is { } fresh && _time.GetUtcNow() < fresh.FreshUntil ? fresh.Value : null;
    }

    /// <summary>Reads and decrypts an entry, fresh or not; <c>ok: false</c> when the distributed cache failed.</summary>
    private async ValueTask<(bool Ok, StoredEntry? Entry)> ReadEntryAsync(string key, bool probe, CancellationToken cancellationToken)
    {
        var (ok, read) = await GuardAsync(
            "get",
            probe,
            async (self, ct) =>
            {
                string entryKey = self.EntryKey(await self.GetGenerationAsync(ct).ConfigureAwait(false), key);
                return (EntryKey: entryKey, Bytes: await self.WithTimeout(self._cache.GetAsync(entryKey, ct), ct).ConfigureAwait(false));
            },
            cancellationToken).ConfigureAwait(false);
        if (!ok || read.Bytes is not { } bytes)
        {
            return (ok, null);
        }

        if (_protector.TryUnprotect(read.EntryKey, bytes, out string? stored, out var failure)
            && TimedValue.TryDecode(stored, out var freshUntil, out var staleUntil, out string? value))
        {
            return (true, new StoredEntry(value, freshUntil, staleUntil));
        }

        if (failure == UnprotectFailure.FormerFormat)
        {
            // Written before entries were bound to their storage key: a miss the next write replaces, not tampering.
            Log.FormerFormatEntry(_logger, key);
            return (true, null);
        }

        Log.EntryRejected(_logger, key, failure == UnprotectFailure.None ? UnprotectFailure.UnknownFormat : failure);
        _metrics?.Rejected.Add(1);
        return (true, null);
    }

    private async ValueTask SetCoreAsync(string key, string value, TimeSpan ttl, TimeSpan staleFor, bool probe, CancellationToken cancellationToken)
    {
        // Instants past year 9999 do not exist: a huge time to live (TimeSpan.MaxValue) is held for a century instead.
        ttl = Timestamps.CapLifetime(ttl);
        staleFor = staleFor < Timestamps.MaxLifetime - ttl ? staleFor : Timestamps.MaxLifetime - ttl;
        var now = _time.GetUtcNow();
        string timed = TimedValue.Encode(now + ttl, now + ttl + staleFor, value);
        var entryOptions = new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = ttl + staleFor };
        var (ok, _) = await GuardAsync(
            "set",
            probe,
            async (self, ct) =>
            {
                // Bound to the generation too: a clear's new generation never takes an entry copied from an older one.
                string entryKey = self.EntryKey(await self.GetGenerationAsync(ct).ConfigureAwait(false), key);
                await self.WithTimeout(self._cache.SetAsync(entryKey, self._protector.Protect(entryKey, timed), entryOptions, ct), ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
        if (!ok)
        {
            await _fallback.SetAsync(key, value, ttl, cancellationToken).ConfigureAwait(false);
        }
    }

    private string EntryKey(string generation, string key) => string.Concat(_prefix, generation, ":", key);

    private readonly record struct StoredEntry(string Value, DateTimeOffset FreshUntil, DateTimeOffset StaleUntil)
    {
        public override string ToString() => "StoredEntry (value redacted)";
    }
}
