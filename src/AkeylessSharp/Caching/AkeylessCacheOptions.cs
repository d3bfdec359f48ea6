using AkeylessSharp.Settings.Internal;
using System.ComponentModel.DataAnnotations;

namespace AkeylessSharp.Caching;

/// <summary>
/// How the client caches secret values: lifetimes per secret type, request coalescing and micro-batching,
/// stale-if-error, and the encryption and fail-over of a distributed cache.
/// </summary>
/// <remarks>
/// Bindable from <c>IConfiguration</c>. <see cref="ToString"/> never prints the encryption keys.
/// </remarks>
public sealed class AkeylessCacheOptions
{
    /// <summary>Whether reads consult and fill the cache at all; when off every read goes to Akeyless.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a static secret's value is served from the cache; <see cref="TimeSpan.Zero"/> disables caching of static secrets.</summary>
    /// <value>The default is 5 minutes.</value>
    [TimeSpanRange("00:00:00", "7.00:00:00")]
    public TimeSpan StaticSecretTtl { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long before a dynamic secret's lease expires the cached credentials stop being served, so callers
    /// always get credentials with at least this much life left. Credentials with no reported lease are not cached.
    /// </summary>
    /// <value>The default is 1 minute.</value>
    [TimeSpanRange("00:00:00", "1.00:00:00")]
    public TimeSpan DynamicSecretRefreshBuffer { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a rotated secret's value is served from the cache; the entry also ends at the item's next
    /// scheduled rotation when the client knows it. <see cref="TimeSpan.Zero"/> disables caching of rotated secrets.
    /// </summary>
    /// <value>The default is 1 minute.</value>
    [TimeSpanRange("00:00:00", "1.00:00:00")]
    public TimeSpan RotatedSecretTtl { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether concurrent misses for different static secrets are gathered into one <c>get-secret-value</c> request.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool BatchingEnabled { get; set; } = true;

    /// <summary>
    /// How long the first miss of a batch waits for others to join it before the request is sent; a full batch
    /// (<see cref="MaxBatchSize"/>) is sent at once. <see cref="TimeSpan.Zero"/> sends as soon as a thread-pool thread is free.
    /// A window that ends while the client is still authenticating leaves the batch open to more misses until the token
    /// arrives (the request could not be sent before), so a cold start's burst fills its batches.
    /// </summary>
    /// <value>The default is 2 milliseconds.</value>
    /// <remarks>
    /// The window runs on the client's <see cref="TimeProvider"/>: with a fake one (<c>FakeTimeProvider</c>) a batched miss
    /// waits until the test advances the clock by the window. Tests that do not drive the clock set
    /// <see cref="TimeSpan.Zero"/> (or turn <see cref="BatchingEnabled"/> off).
    /// </remarks>
    [TimeSpanRange("00:00:00", "00:00:01")]
    public TimeSpan BatchWindow { get; set; } = TimeSpan.FromMilliseconds(2);

    /// <summary>The most names one batched <c>get-secret-value</c> request carries.</summary>
    /// <value>The default is 100.</value>
    [Range(1, 1000)]
    public int MaxBatchSize { get; set; } = 100;

    /// <summary>
    /// Whether the last known value is served when Akeyless fails with a 5xx status, a timeout or a network
    /// error. A not-found (404) is never answered with a stale value: it evicts the entry.
    /// </summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool StaleIfError { get; set; } = true;

    /// <summary>
    /// How long past its expiry a value may still be served under <see cref="StaleIfError"/>; never longer.
    /// Dynamic secrets are never served past their lease.
    /// </summary>
    /// <value>The default is 15 minutes.</value>
    [TimeSpanRange("00:00:00", "7.00:00:00")]
    public TimeSpan MaxStale { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The prefix of every key this client writes to a distributed cache, so several applications can share one Redis.</summary>
    /// <remarks>
    /// Entries are keyed by path, not by identity: clients with the same prefix and encryption key are served each other's
    /// values whatever their own permissions. Give clients that authenticate differently their own prefix (or key).
    /// </remarks>
    /// <value>The default is <c>akeyless:</c>.</value>
    [Required]
    [StringLength(100, MinimumLength = 1)]
    public string KeyPrefix { get; set; } = "akeyless:";

    /// <summary>
    /// The 256-bit AES-GCM key that encrypts values in a distributed cache, as base64 (32 bytes). Secret.
    /// Required for a distributed cache unless <see cref="UseDataProtection"/> is set.
    /// </summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? EncryptionKey { get; set; }

    /// <summary>
    /// The id of <see cref="EncryptionKey"/>, written into every entry so a rotated key can still read entries
    /// written under an older one (see <see cref="PreviousEncryptionKeys"/>). 1 to 32 ASCII letters, digits, <c>-</c> or <c>_</c>.
    /// </summary>
    /// <value>The default is <c>k1</c>.</value>
    public string EncryptionKeyId { get; set; } = "k1";

    /// <summary>Older keys still accepted for reading, by key id, each base64 of 32 bytes. Secret.</summary>
    /// <value>The default is empty.</value>
    public IDictionary<string, string> PreviousEncryptionKeys { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Whether values in a distributed cache are protected with ASP.NET Core Data Protection (the registered
    /// <c>IDataProtectionProvider</c>) instead of <see cref="EncryptionKey"/>.
    /// </summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool UseDataProtection { get; set; }

    /// <summary>How long one distributed cache operation may take before it counts as a failure and the read falls back.</summary>
    /// <value>The default is 1 second.</value>
    [TimeSpanRange("00:00:00.001", "00:01:00")]
    public TimeSpan DistributedCacheTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a failing distributed cache is left alone after an error; meanwhile reads and writes use an
    /// in-process cache, then one probe decides whether to go back.
    /// </summary>
    /// <value>The default is 10 seconds.</value>
    [TimeSpanRange("00:00:00.001", "01:00:00")]
    public TimeSpan DistributedCacheBreakDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often an instance re-reads the distributed cache's generation, which a clear changes; a clear made by
    /// another instance is seen within this interval.
    /// </summary>
    /// <value>The default is 5 seconds.</value>
    [TimeSpanRange("00:00:00", "01:00:00")]
    public TimeSpan GenerationCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long the instance fetching a missing secret holds the fleet-wide <see cref="ISecretFetchLock"/> at most: the
    /// others wait for its value up to this long before fetching themselves. Make it cover a slow fetch with its retries.
    /// </summary>
    /// <value>The default is 10 seconds.</value>
    [TimeSpanRange("00:00:00.010", "00:10:00")]
    public TimeSpan FetchLockDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often an instance waiting on another's fetch looks for the value in the shared cache, when the
    /// <see cref="ISecretFetchLock"/> cannot tell it of the release (see <see cref="ISecretFetchLock.WatchReleaseAsync"/>).
    /// </summary>
    /// <value>The default is 25 milliseconds.</value>
    [TimeSpanRange("00:00:00.001", "00:00:10")]
    public TimeSpan FetchLockPollInterval { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// How often an instance waiting on another's fetch still looks for the value when the <see cref="ISecretFetchLock"/>
    /// tells it of the release (the Redis lock does, through pub/sub): the bound on a lost notification. A dead holder's
    /// waiters stop waiting when its lock expires, whatever this interval.
    /// </summary>
    /// <value>The default is 1 second.</value>
    [TimeSpanRange("00:00:00.001", "00:10:00")]
    public TimeSpan FetchLockFallbackPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A copy of every setting, <see cref="PreviousEncryptionKeys"/> included, for a client's own use.</summary>
    internal AkeylessCacheOptions Snapshot()
    {
        var copy = new AkeylessCacheOptions
        {
            Enabled = Enabled,
            StaticSecretTtl = StaticSecretTtl,
            DynamicSecretRefreshBuffer = DynamicSecretRefreshBuffer,
            RotatedSecretTtl = RotatedSecretTtl,
            BatchingEnabled = BatchingEnabled,
            BatchWindow = BatchWindow,
            MaxBatchSize = MaxBatchSize,
            StaleIfError = StaleIfError,
            MaxStale = MaxStale,
            KeyPrefix = KeyPrefix,
            EncryptionKey = EncryptionKey,
            EncryptionKeyId = EncryptionKeyId,
            UseDataProtection = UseDataProtection,
            DistributedCacheTimeout = DistributedCacheTimeout,
            DistributedCacheBreakDuration = DistributedCacheBreakDuration,
            GenerationCheckInterval = GenerationCheckInterval,
            FetchLockDuration = FetchLockDuration,
            FetchLockPollInterval = FetchLockPollInterval,
            FetchLockFallbackPollInterval = FetchLockFallbackPollInterval,
        };
        foreach (var (id, key) in PreviousEncryptionKeys)
        {
            copy.PreviousEncryptionKeys[id] = key;
        }

        return copy;
    }

    /// <summary>Describes the options without the encryption keys.</summary>
    /// <returns>A redacted description.</returns>
    public override string ToString() =>
        $"Enabled={Enabled}, StaticSecretTtl={StaticSecretTtl}, DynamicSecretRefreshBuffer={DynamicSecretRefreshBuffer}, " +
        $"RotatedSecretTtl={RotatedSecretTtl}, BatchingEnabled={BatchingEnabled}, BatchWindow={BatchWindow}, MaxBatchSize={MaxBatchSize}, " +
        $"StaleIfError={StaleIfError}, MaxStale={MaxStale}, KeyPrefix={KeyPrefix}, EncryptionKey={(EncryptionKey is null ? "(none)" : "***")}, " +
        $"EncryptionKeyId={EncryptionKeyId}, PreviousEncryptionKeys={PreviousEncryptionKeys.Count}, UseDataProtection={UseDataProtection}, " +
        $"FetchLockDuration={FetchLockDuration}, FetchLockPollInterval={FetchLockPollInterval}, " +
        $"FetchLockFallbackPollInterval={FetchLockFallbackPollInterval}";
}
