using Microsoft.Extensions.Logging;

namespace AkeylessSharp.Diagnostics;

/// <content>Universal identity token rotation; the tokens themselves are never logged.</content>
internal static partial class Log
{
    [LoggerMessage(210, LogLevel.Information, "Rotated the Akeyless universal identity token through uid-rotate-token")]
    public static partial void UidTokenRotated(ILogger logger);

    [LoggerMessage(211, LogLevel.Error, "The Akeyless universal identity token was rotated but OnUidTokenRotated failed; the new token is kept in memory and handed over again at the next rotation")]
    public static partial void UidTokenStoreFailed(ILogger logger, Exception exception);
}
