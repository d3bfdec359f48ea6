namespace AkeylessSharp.CloudId.Aws.Internal;

/// <summary>
/// Builds every <see cref="AkeylessCloudIdException"/> of this package: what was searched, how to fix it. The cloud SDK's
/// own message is appended because it says which source failed and why; it never includes a key or a token.
/// </summary>
internal static class AwsCloudIdErrors
{
    public static AkeylessCloudIdException AwsNoCredentials(Exception inner) => new(
        AkeylessAccessType.AwsIam,
        "aws_iam authentication needs AWS credentials, and the AWS SDK's default chain found none. It looked, in order, at: "
        + "the environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (with AWS_SESSION_TOKEN for temporary credentials); "
        + "web identity (AWS_WEB_IDENTITY_TOKEN_FILE with AWS_ROLE_ARN, as set by EKS IRSA); "
        + "the profile named by AWS_PROFILE, else 'default', in ~/.aws/credentials and ~/.aws/config (or AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE); "
        + "ECS/EKS container credentials (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI or AWS_CONTAINER_CREDENTIALS_FULL_URI); "
        + "and the EC2 instance metadata service (skipped when AWS_EC2_METADATA_DISABLED=true). "
        + "Fix: set one of these, attach an IAM role to the instance, task or pod, or pass AwsCredentials to AddAwsCloudId. "
        + "AWS SDK: " + inner.Message.Trim(),
        inner);

    public static AkeylessCloudIdException AwsCredentialsFailed(string source, Exception inner) => new(
        AkeylessAccessType.AwsIam,
        $"aws_iam authentication found AWS credentials ({source}) but could not obtain keys from them; check the role, profile or token they refer to. AWS SDK: {inner.Message.Trim()}",
        inner);

    public static AkeylessCloudIdException AwsEmptyCredentials(string source) => new(
        AkeylessAccessType.AwsIam,
        $"aws_iam authentication found AWS credentials ({source}) without an access key id or secret access key; check the values that source was given.");
}
