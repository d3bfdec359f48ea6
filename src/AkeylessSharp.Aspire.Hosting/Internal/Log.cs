using Microsoft.Extensions.Logging;

namespace AkeylessSharp.Aspire.Hosting.Internal;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Akeyless emulator listening on {BaseUrl} (access id {AccessId}, access type api_key)")]
    public static partial void EmulatorStarted(ILogger logger, Uri baseUrl, string accessId);

    [LoggerMessage(2, LogLevel.Error, "The Akeyless resource '{ResourceName}' failed to start")]
    public static partial void StartFailed(ILogger logger, string resourceName, Exception exception);

}
