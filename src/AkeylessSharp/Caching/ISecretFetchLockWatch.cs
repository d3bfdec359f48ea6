namespace AkeylessSharp.Caching;

/// <summary>
/// What <see cref="ISecretFetchLock.WatchReleaseAsync"/> returns: one reader listening for the release of one key's
/// fetch lock. Disposing it stops listening; a watch is used for one release, then replaced.
/// </summary>
public interface ISecretFetchLockWatch : IDisposable
{
    /// <summary>Gets a task that completes when the lock was released after the watch began; it never fails.</summary>
    Task Released { get; }
}
