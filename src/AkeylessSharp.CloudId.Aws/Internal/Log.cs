using Microsoft.Extensions.Logging;

namespace AkeylessSharp.CloudId.Aws.Internal;

/// <summary>The Aws cloud-id provider's log messages. Never a key, a token or a cloud id.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7100, Level = LogLevel.Debug, Message = "Created an aws_iam cloud id signed with {CredentialSource} credentials (session token: {HasSessionToken}).")]
    public static partial void AwsCloudIdCreated(ILogger logger, string credentialSource, bool hasSessionToken);
}
