using Amazon.Runtime;

namespace AkeylessSharp.CloudId;

/// <summary>Where <see cref="AwsIamCloudIdProvider"/> gets AWS credentials. By default, the AWS SDK's default chain.</summary>
/// <remarks><see cref="ToString"/> shows whether credentials are set, never their contents.</remarks>
public sealed class AkeylessAwsCloudIdOptions
{
    /// <summary>
    /// AWS credentials to sign with instead of the SDK's default chain (environment, profile, web identity,
    /// ECS container, EC2 instance role), for example an <c>AssumeRoleAWSCredentials</c> or <c>BasicAWSCredentials</c>.
    /// </summary>
    /// <value>The default is <see langword="null"/>: the default chain.</value>
    public AWSCredentials? AwsCredentials { get; set; }

    /// <summary>The clock that dates AWS signatures (<c>X-Amz-Date</c>); tests pass a fake one.</summary>
    /// <value>The default is <see langword="null"/>: the registered <see cref="System.TimeProvider"/>, else <see cref="TimeProvider.System"/>.</value>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Describes the options without any credential: only whether one is set.</summary>
    /// <returns>A redacted description.</returns>
    public override string ToString() =>
        $"AkeylessAwsCloudIdOptions {{ AwsCredentials = {(AwsCredentials is null ? "(default)" : AwsCredentials.GetType().Name)} }}";
}
