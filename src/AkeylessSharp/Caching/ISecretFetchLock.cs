namespace AkeylessSharp.Caching;

/// <summary>
/// A lock shared by a fleet that decides which instance fetches a secret missing from a shared cache, so simultaneous
/// cold misses on many instances cost one Akeyless request instead of one per instance. Set it with
/// <see cref="AkeylessClientOptions.SecretFetchLock"/>; AkeylessSharp.Caching.StackExchangeRedis provides one over Redis
/// and <c>AddRedisCache</c> wires it in.
/// </summary>
/// <remarks>
/// <para>
/// The instance that takes the lock fetches, stores the value in the shared cache, then releases the lock. The others
/// take the value from the cache as soon as <see cref="WatchReleaseAsync"/> tells them the lock was released, or, for a
/// lock that cannot tell, by looking every <see cref="AkeylessCacheOptions.FetchLockPollInterval"/>; if the holder fails
/// or dies, its lock is released or expires after <see cref="AkeylessCacheOptions.FetchLockDuration"/> and the waiters
/// fetch for themselves, at once. Locks never make a read fail: a lock store that errs or times out is bypassed.
/// </para>
/// <para>Implementations must be thread-safe and must expire an abandoned lock on their own after the given duration.</para>
/// </remarks>
public interface ISecretFetchLock
{
    /// <summary>Tries to take the lock for <paramref name="key"/> without waiting.</summary>
    /// <param name="key">The cache key of the value to fetch (a path, never a value).</param>
    /// <param name="duration">How long the lock lives if it is never released.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>
    /// The held lock, to dispose once the value is stored; <see langword="null"/> when another holder has it.
    /// An exception means the lock store failed; the reader then fetches without the lock.
    /// </returns>
    ValueTask<IAsyncDisposable?> TryAcquireAsync(string key, TimeSpan duration, CancellationToken cancellationToken = default);

    /// <summary>
    /// Starts listening for the release of <paramref name="key"/>'s lock by whichever instance holds it, so a waiting
    /// reader looks for the value when it is there instead of on a timer. The reader calls it before its last look at the
    /// cache and the lock, so a release in between is not missed.
    /// </summary>
    /// <param name="key">The cache key whose lock the caller waits on.</param>
    /// <param name="cancellationToken">Cancels setting up the watch.</param>
    /// <returns>
    /// A watch, already listening when returned, to dispose once done waiting; <see langword="null"/> when this lock cannot
    /// notify, the default: waiters then look every <see cref="AkeylessCacheOptions.FetchLockPollInterval"/>. Releases
    /// may be missed (a lost message): waiters still look every <see cref="AkeylessCacheOptions.FetchLockFallbackPollInterval"/>.
    /// An exception makes the reader poll instead.
    /// </returns>
    ValueTask<ISecretFetchLockWatch?> WatchReleaseAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return default;
    }
}
