using Microsoft.Extensions.Logging;

namespace AkeylessSharp.Caching.Internal;

/// <summary>The caching log messages; event ids 5xx are stable. Keys are paths, never values.</summary>
internal static partial class Log
{
    [LoggerMessage(500, LogLevel.Warning, "Discarded an unreadable distributed cache entry for {Key} ({Reason}); treating it as a miss")]
    public static partial void EntryRejected(ILogger logger, string key, UnprotectFailure reason);

    [LoggerMessage(501, LogLevel.Warning, "The distributed cache failed during {Operation}; using the in-process cache for {BreakDuration}")]
    public static partial void DistributedCacheBroken(ILogger logger, string operation, TimeSpan breakDuration, Exception exception);

    [LoggerMessage(502, LogLevel.Information, "The distributed cache answers again; leaving the in-process fallback")]
    public static partial void DistributedCacheRecovered(ILogger logger);

    [LoggerMessage(503, LogLevel.Warning, "Akeyless failed for {Key}; served the last known value, {Staleness} past its expiry")]
    public static partial void StaleServed(ILogger logger, string key, TimeSpan staleness, Exception exception);

    [LoggerMessage(504, LogLevel.Warning, "The secret cache failed during {Operation} for {Key}; treating it as a miss")]
    public static partial void CacheOperationFailed(ILogger logger, string operation, string key, Exception exception);

    [LoggerMessage(505, LogLevel.Debug, "A batch of {Count} names met a not-found; splitting it to isolate the missing ones")]
    public static partial void BatchSplit(ILogger logger, int count);

    [LoggerMessage(506, LogLevel.Information, "Akeyless reports {Key} not found; evicted it and its last known value")]
    public static partial void Evicted(ILogger logger, string key);

    [LoggerMessage(507, LogLevel.Information, "Cleared the distributed secret cache; new generation {Generation}")]
    public static partial void Cleared(ILogger logger, string generation);

    [LoggerMessage(508, LogLevel.Warning, "The fetch lock store failed for {Key}; fetching without fleet coordination for {BreakDuration}")]
    public static partial void FetchLockBroken(ILogger logger, string key, TimeSpan breakDuration, Exception exception);

    [LoggerMessage(509, LogLevel.Information, "The fetch lock store answers again; fleet misses are coordinated again")]
    public static partial void FetchLockRecovered(ILogger logger);

    [LoggerMessage(510, LogLevel.Warning, "Could not release the fetch lock of {Key}; it expires on its own within {Duration}")]
    public static partial void FetchLockNotReleased(ILogger logger, string key, TimeSpan duration, Exception exception);

    [LoggerMessage(511, LogLevel.Warning, "Waited {Waited} for another instance to fetch {Key}; fetching it here")]
    public static partial void FetchLockWaitExpired(ILogger logger, string key, TimeSpan waited);

    [LoggerMessage(512, LogLevel.Debug, "Could not listen for the release of the fetch lock of {Key}; polling for the value instead")]
    public static partial void FetchLockWatchFailed(ILogger logger, string key, Exception exception);

    [LoggerMessage(513, LogLevel.Warning, "The cached value for {Key} is not in the form this version writes (another version wrote it, or it is corrupt); reading it afresh")]
    public static partial void EntryUnreadable(ILogger logger, string key);

    [LoggerMessage(514, LogLevel.Debug, "The distributed cache entry for {Key} is in the format of an earlier version; treating it as a miss")]
    public static partial void FormerFormatEntry(ILogger logger, string key);
}
