using Microsoft.Extensions.Logging;

namespace AkeylessSharp.Diagnostics;

/// <summary>
/// The client's log messages; event ids are stable (1xx calls, 2xx auth, 3xx operations). {Target} is the item path,
/// "N paths" for a batch read, or the server for commands without a path.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(100, LogLevel.Debug, "Akeyless {Command} on {Target} succeeded in {ElapsedMs} ms")]
    public static partial void CommandSucceeded(ILogger logger, string command, string target, double elapsedMs);

    [LoggerMessage(101, LogLevel.Warning, "Akeyless {Command} on {Target} failed with status {Status}: {ServiceMessage}")]
    public static partial void CommandFailed(ILogger logger, string command, string target, int status, string? serviceMessage);

    [LoggerMessage(102, LogLevel.Warning, "Akeyless {Command} on {Target} could not reach the service ({ErrorType})")]
    public static partial void CommandUnreachable(ILogger logger, string command, string target, string errorType, Exception exception);

    [LoggerMessage(103, LogLevel.Debug, "Akeyless {Command}: {Target} does not exist (the caller asked whether it does)")]
    public static partial void ItemAbsent(ILogger logger, string command, string target);

    [LoggerMessage(104, LogLevel.Warning, "Akeyless {Command} on {Target} timed out")]
    public static partial void CommandTimedOut(ILogger logger, string command, string target, Exception exception);

    /// <summary>Warning, or Debug when the caller reports the call's outcome itself (a connection test, event 302).</summary>
    [LoggerMessage(EventId = 105, Message = "Akeyless {Command} failed with {Reason}; retry {Attempt} of {MaxRetries} in {DelayMs} ms")]
    public static partial void RetryScheduled(ILogger logger, LogLevel level, string command, string reason, int attempt, int maxRetries, double delayMs);

    [LoggerMessage(106, LogLevel.Warning, "Akeyless {Command} on {Target} failed")]
    public static partial void CommandError(ILogger logger, string command, string target, Exception exception);

    [LoggerMessage(107, LogLevel.Debug, "Akeyless {Command} on {Target} failed ({ErrorType}); reported by the caller")]
    public static partial void CommandFailedHandled(ILogger logger, string command, string target, string errorType);

    // Access types by their reference names (access_key), as TestConnectionAsync and the CLI print them.
    [LoggerMessage(200, LogLevel.Information, "Authenticated to Akeyless with access type {AccessType}; token expires at {ExpiresAt:O}")]
    private static partial void Authenticated(ILogger logger, string accessType, DateTimeOffset expiresAt);

    [LoggerMessage(201, LogLevel.Warning, "Akeyless authentication with access type {AccessType} failed")]
    private static partial void AuthenticationFailed(ILogger logger, string accessType, Exception exception);

    public static void Authenticated(ILogger logger, AkeylessAccessType accessType, DateTimeOffset expiresAt) =>
        Authenticated(logger, AkeylessAccessTypeNames.ToWireName(accessType), expiresAt);

    public static void AuthenticationFailed(ILogger logger, AkeylessAccessType accessType, Exception exception) =>
        AuthenticationFailed(logger, AkeylessAccessTypeNames.ToWireName(accessType), exception);

    [LoggerMessage(202, LogLevel.Warning, "Akeyless rejected a token believed valid for {Command}; authenticating again once for every caller holding it")]
    public static partial void ReAuthenticating(ILogger logger, string command);

    [LoggerMessage(203, LogLevel.Debug, "Reusing the Akeyless CLI's stored credentials for profile {Profile}")]
    public static partial void SamlCredentialsReused(ILogger logger, string profile);

    [LoggerMessage(204, LogLevel.Information, "Running the Akeyless CLI to log in again for profile {Profile}")]
    public static partial void SamlLoginStarted(ILogger logger, string profile);

    [LoggerMessage(205, LogLevel.Debug, "Akeyless rejected a token for {Command} that another caller already replaced; retrying with the new one")]
    public static partial void TokenAlreadyReplaced(ILogger logger, string command);

    [LoggerMessage(300, LogLevel.Debug, "Detected item type {ItemType} for {Path}")]
    public static partial void ItemTypeDetected(ILogger logger, string path, AkeylessItemType itemType);

    [LoggerMessage(301, LogLevel.Information, "Item {Path} not found for update; creating it")]
    public static partial void UpsertCreating(ILogger logger, string path);

    /// <summary>
    /// Warning, or Debug when authentication failed: event 201 has reported that once already. The probe's own call
    /// and its retries log at Debug (events 107 and 105), so a failing service costs one Warning per probe.
    /// </summary>
    [LoggerMessage(EventId = 302, Message = "Akeyless connection test failed: {Reason}")]
    public static partial void ConnectionTestFailed(ILogger logger, LogLevel level, string reason);

    [LoggerMessage(303, LogLevel.Debug, "Could not read the next rotation date of {Path}; the rotated-secret TTL applies alone")]
    public static partial void NextRotationUnknown(ILogger logger, string path, Exception exception);

    // Universal identity token rotation; the tokens themselves are never logged. In this file, not a partial of its own:
    // the logging generator orders a class split across files differently from build to build, which breaks reproducible builds.
    [LoggerMessage(210, LogLevel.Information, "Rotated the Akeyless universal identity token through uid-rotate-token")]
    public static partial void UidTokenRotated(ILogger logger);

    [LoggerMessage(211, LogLevel.Error, "The Akeyless universal identity token was rotated but OnUidTokenRotated failed; the new token is kept in memory and handed over again at the next rotation")]
    public static partial void UidTokenStoreFailed(ILogger logger, Exception exception);
}
