using Microsoft.Extensions.Logging;

namespace AkeylessSharp.Configuration.Internal;

/// <summary>The provider's log messages; event ids are stable. No message carries a secret value.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Loaded configuration from Akeyless (keys: {KeyCount}, secrets read: {Fetched}, requests: {Requests}, unchanged: {Reused}) in {ElapsedMs} ms.")]
    public static partial void Loaded(ILogger logger, int keyCount, int fetched, int requests, int reused, long elapsedMs);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Error, Message = "Reloading configuration from Akeyless failed; the last good values stay in use.")]
    public static partial void ReloadFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "Loading configuration from Akeyless failed; the source is optional, so the application starts without its keys.")]
    public static partial void OptionalLoadFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "Connection '{ConnectionId}' at '{Path}' is skipped: {Reason}.")]
    public static partial void ConnectionInvalid(ILogger logger, string connectionId, string path, string reason);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Warning, Message = "Connection '{ConnectionId}' has no connection string: {Reason}. Its fields are still loaded.")]
    public static partial void ConnectionStringUnavailable(ILogger logger, string connectionId, string reason);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Warning, Message = "Configuration key '{Key}' from '{Path}' is skipped: '{KeptPath}' already maps to it.")]
    public static partial void DuplicateKeySkipped(ILogger logger, string key, string path, string keptPath);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Warning, Message = "Secret reference '{Key}' names '{Path}', which does not exist; the key is set to null.")]
    public static partial void ReferenceNotFound(ILogger logger, string key, string path);

    [LoggerMessage(EventId = 6008, Level = LogLevel.Information, Message = "Configuration from Akeyless changed (keys changed: {ChangedKeys}); change notification raised.")]
    public static partial void Changed(ILogger logger, int changedKeys);

    [LoggerMessage(EventId = 6009, Level = LogLevel.Warning, Message = "Secret reference '{Key}' has an empty path and is ignored.")]
    public static partial void ReferenceEmpty(ILogger logger, string key);

    [LoggerMessage(EventId = 6020, Level = LogLevel.Warning, Message = "{Source} names '{Path}', which Akeyless rejects as a secret name; it is skipped.")]
    public static partial void NameRejected(ILogger logger, string source, string path);
}
