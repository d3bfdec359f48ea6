using Microsoft.Extensions.Logging;

namespace AkeylessSharp.CloudId.Azure.Internal;

/// <summary>The Azure cloud-id provider's log messages. Never a key, a token or a cloud id.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Debug, Message = "Created an azure_ad cloud id with a token from {Credential}, expiring at {ExpiresOn}.")]
    public static partial void AzureCloudIdCreated(ILogger logger, string credential, DateTimeOffset expiresOn);
}
