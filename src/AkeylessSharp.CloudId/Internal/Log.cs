using Microsoft.Extensions.Logging;

namespace AkeylessSharp.CloudId.Internal;

/// <summary>The cloud-id providers' log messages. Never a key, a token or a cloud id.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7100, Level = LogLevel.Debug, Message = "Created an aws_iam cloud id signed with {CredentialSource} credentials (session token: {HasSessionToken}).")]
    public static partial void AwsCloudIdCreated(ILogger logger, string credentialSource, bool hasSessionToken);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Debug, Message = "Created an azure_ad cloud id with a token from {Credential}, expiring at {ExpiresOn}.")]
    public static partial void AzureCloudIdCreated(ILogger logger, string credential, DateTimeOffset expiresOn);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Debug, Message = "Created a gcp cloud id with an ID token for audience {Audience} from the {Credential}.")]
    public static partial void GcpCloudIdCreated(ILogger logger, string audience, string credential);
}
