namespace AkeylessSharp.Caching;

/// <summary>
/// Where the client keeps secret values between reads: the reference's <c>cache_storage</c>
/// (<c>get</c>, <c>set</c>, <c>delete</c>, <c>clear</c>) made asynchronous.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="MemorySecretCache"/> is the default; <see cref="DistributedSecretCache"/> and <see cref="HybridSecretCache"/>
/// let a fleet share one cache (Redis or any <c>IDistributedCache</c>), encrypted at rest.
/// </para>
/// <para>
/// Implementations must be thread-safe, must never log or throw a value, and should complete a hit synchronously.
/// A failing implementation does not fail reads: the client logs the error and treats it as a miss.
/// </para>
/// </remarks>
public interface ISecretCache
{
    /// <summary>Gets the value stored under <paramref name="key"/>, or <see langword="null"/> when there is none or it has expired.</summary>
    /// <param name="key">The cache key: the secret's path, with its version, JSON attribute or arguments when the read had them.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The value, or <see langword="null"/> on a miss.</returns>
    ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/> for <paramref name="ttl"/>, replacing any value there.</summary>
    /// <param name="key">The cache key.</param>
    /// <param name="value">The secret value.</param>
    /// <param name="ttl">How long the value may be served; must be positive.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the value is stored.</returns>
    ValueTask SetAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken = default);

    /// <summary>Removes the value stored under <paramref name="key"/>, if any.</summary>
    /// <param name="key">The cache key.</param>
    /// <param name="cancellationToken">Cancels the removal.</param>
    /// <returns>A task that completes when the value is gone.</returns>
    ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Removes every value this cache holds for the client.</summary>
    /// <param name="cancellationToken">Cancels the clear.</param>
    /// <returns>A task that completes when the cache is empty.</returns>
    ValueTask ClearAsync(CancellationToken cancellationToken = default);
}
