using Microsoft.Extensions.Logging;

namespace AkeylessSharp.CloudId.Gcp.Internal;

/// <summary>The Gcp cloud-id provider's log messages. Never a key, a token or a cloud id.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7102, Level = LogLevel.Debug, Message = "Created a gcp cloud id with an ID token for audience {Audience} from the {Credential}.")]
    public static partial void GcpCloudIdCreated(ILogger logger, string audience, string credential);
}
