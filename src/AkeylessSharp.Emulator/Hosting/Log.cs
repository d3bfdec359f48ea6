using Microsoft.Extensions.Logging;

namespace AkeylessSharp.Emulator.Hosting;

/// <summary>Emulator log messages. Secret values are never logged; only names, ids and statuses.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Akeyless emulator listening on {Addresses} (storage: {Storage})")]
    public static partial void Started(ILogger logger, string addresses, string storage);

    [LoggerMessage(2, LogLevel.Information, "Development credential: access id {AccessId}, access key {AccessKey}")]
    public static partial void DefaultCredential(ILogger logger, string accessId, string accessKey);

    [LoggerMessage(3, LogLevel.Information, "Development credential: access id {AccessId} (custom access key, not shown)")]
    public static partial void CustomCredential(ILogger logger, string accessId);

    [LoggerMessage(4, LogLevel.Debug, "{Command} failed with {Status}: {Message}")]
    public static partial void CommandFailed(ILogger logger, string command, int status, string message);

    [LoggerMessage(5, LogLevel.Error, "{Command} failed unexpectedly (an emulator bug; later failures of this kind are logged at debug level)")]
    public static partial void CommandCrashed(ILogger logger, Exception exception, string command);

    [LoggerMessage(6, LogLevel.Debug, "Injected fault on {Command}: {Fault}")]
    public static partial void FaultInjected(ILogger logger, string command, string fault);

    [LoggerMessage(7, LogLevel.Information, "Seed applied (auth methods: {Methods}, roles: {Roles}, new items: {Items})")]
    public static partial void SeedApplied(ILogger logger, int methods, int roles, int items);

    [LoggerMessage(8, LogLevel.Debug, "{Command} failed unexpectedly again: {ExceptionType}")]
    public static partial void CommandCrashedAgain(ILogger logger, string command, string exceptionType);

    [LoggerMessage(9, LogLevel.Warning, "Listening beyond loopback ({Addresses}): other machines can reach the emulator; the admin API requires the admin token")]
    public static partial void Exposed(ILogger logger, string addresses);

    [LoggerMessage(10, LogLevel.Error, "{Command} could not write the data file: {Reason}; the write was rolled back")]
    public static partial void DataFileWriteFailed(ILogger logger, string command, string reason);
}
