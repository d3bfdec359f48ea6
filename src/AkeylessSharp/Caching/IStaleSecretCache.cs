namespace AkeylessSharp.Caching;

/// <summary>
/// An <see cref="ISecretCache"/> that keeps a value past its time to live, within the stale allowance it was stored with,
/// so that any instance of a fleet (a freshly started one too) can answer an Akeyless outage with the last value the fleet
/// knew: stale-if-error shared through the cache. <see cref="DistributedSecretCache"/> implements it.
/// </summary>
/// <remarks>
/// <see cref="ISecretCache.GetAsync"/> must still answer only fresh values. The client asks for a stale one only after
/// Akeyless failed with a 5xx, a timeout or a network error, never after a not-found (which removes the entry), and
/// serves it at most <see cref="AkeylessCacheOptions.MaxStale"/> past its expiry.
/// </remarks>
public interface IStaleSecretCache : ISecretCache
{
    /// <summary>
    /// Gets whether the cache's shared store answers now. While it does, its stale copies are the fleet's memory and have the
    /// last word (a path another instance found deleted has none); while it does not, the client answers an outage from
    /// what this instance itself knows.
    /// </summary>
    bool IsAvailable { get; }

    /// <summary>Stores <paramref name="value"/> as fresh for <paramref name="ttl"/> and kept for <paramref name="staleFor"/> after that.</summary>
    /// <param name="key">The cache key.</param>
    /// <param name="value">The secret value.</param>
    /// <param name="ttl">How long the value is fresh; must be positive.</param>
    /// <param name="staleFor">How long past <paramref name="ttl"/> it may still be read by <see cref="GetStaleAsync"/>; zero or more.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the value is stored.</returns>
    ValueTask SetAsync(string key, string value, TimeSpan ttl, TimeSpan staleFor, CancellationToken cancellationToken);

    /// <summary>Gets the value stored under <paramref name="key"/>, fresh or within its stale allowance, with when it stops being fresh.</summary>
    /// <param name="key">The cache key.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The entry, or <see langword="null"/> when there is none within its allowance.</returns>
    ValueTask<SecretCacheEntry?> GetStaleAsync(string key, CancellationToken cancellationToken = default);
}

/// <summary>A cached value and the instant it stops being fresh. <see cref="ToString"/> never prints the value.</summary>
/// <param name="value">The secret value.</param>
/// <param name="freshUntil">When its time to live ends (or ended).</param>
public sealed class SecretCacheEntry(string value, DateTimeOffset freshUntil)
{
    /// <summary>Gets the secret value. Secret.</summary>
    public string Value { get; } = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Gets when the value's time to live ends (or ended).</summary>
    public DateTimeOffset FreshUntil { get; } = freshUntil;

    /// <summary>Describes the entry without its value.</summary>
    /// <returns>The expiry, with the value redacted.</returns>
    public override string ToString() => $"SecretCacheEntry {{ Value = ***, FreshUntil = {FreshUntil:O} }}";
}
