namespace AkeylessSharp.CloudId.Internal;

/// <summary>
/// Builds every <see cref="AkeylessCloudIdException"/>: what was searched, how to fix it. The cloud SDKs' own messages
/// are appended because they say which source failed and why; none of them includes a key or a token.
/// </summary>
internal static class CloudIdErrors
{
    public static AkeylessCloudIdException AwsNoCredentials(Exception inner) => new(
        AkeylessAccessType.AwsIam,
        "aws_iam authentication needs AWS credentials, and the AWS SDK's default chain found none. It looked, in order, at: "
        + "the environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (with AWS_SESSION_TOKEN for temporary credentials); "
        + "web identity (AWS_WEB_IDENTITY_TOKEN_FILE with AWS_ROLE_ARN, as set by EKS IRSA); "
        + "the profile named by AWS_PROFILE, else 'default', in ~/.aws/credentials and ~/.aws/config (or AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE); "
        + "ECS/EKS container credentials (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI or AWS_CONTAINER_CREDENTIALS_FULL_URI); "
        + "and the EC2 instance metadata service (skipped when AWS_EC2_METADATA_DISABLED=true). "
        + "Fix: set one of these, attach an IAM role to the instance, task or pod, or pass AwsCredentials to AddCloudId. "
        + "AWS SDK: " + inner.Message.Trim(),
        inner);

    public static AkeylessCloudIdException AwsCredentialsFailed(string source, Exception inner) => new(
        AkeylessAccessType.AwsIam,
        $"aws_iam authentication found AWS credentials ({source}) but could not obtain keys from them; check the role, profile or token they refer to. AWS SDK: {inner.Message.Trim()}",
        inner);

    public static AkeylessCloudIdException AwsEmptyCredentials(string source) => new(
        AkeylessAccessType.AwsIam,
        $"aws_iam authentication found AWS credentials ({source}) without an access key id or secret access key; check the values that source was given.");

    public static AkeylessCloudIdException AzureUnavailable(string credential, string scope, Exception inner) => new(
        AkeylessAccessType.AzureAd,
        $"azure_ad authentication needs an Azure AD access token for {scope}, and {credential} could not get one. "
        + "DefaultAzureCredential looks at: the environment (AZURE_TENANT_ID and AZURE_CLIENT_ID with AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH); "
        + "workload identity (AZURE_FEDERATED_TOKEN_FILE); the managed identity of the VM, App Service, Functions or AKS pod (instance metadata service); "
        + "and the Azure CLI, Azure PowerShell, azd and Visual Studio sign-ins. With AzureObjectId set, only the user-assigned managed identity with that object id is asked. "
        + "Fix: run where a managed identity is assigned, set the environment variables, or pass AzureCredential to AddCloudId. "
        + "Azure.Identity: " + inner.Message.Trim(),
        inner);

    public static AkeylessCloudIdException AzureEmptyToken(string credential) => new(
        AkeylessAccessType.AzureAd,
        $"azure_ad authentication asked {credential} for an access token and got an empty one.");

    public static AkeylessCloudIdException GcpNoCredentials(Exception inner) => new(
        AkeylessAccessType.Gcp,
        "gcp authentication needs Google credentials, and the application default credentials were not found. They are looked for in: "
        + "GOOGLE_APPLICATION_CREDENTIALS (the path of a service-account key or external-account file); "
        + "the gcloud file ~/.config/gcloud/application_default_credentials.json; "
        + "and the metadata server of Compute Engine, GKE, Cloud Run or Cloud Functions. "
        + "Fix: run with a service account attached, set GOOGLE_APPLICATION_CREDENTIALS, or pass GoogleCredential to AddCloudId. "
        + "Google.Apis.Auth: " + inner.Message.Trim(),
        inner);

    public static AkeylessCloudIdException GcpTokenFailed(string credential, string audience, Exception inner) => new(
        AkeylessAccessType.Gcp,
        $"gcp authentication needs a Google ID token for audience '{audience}', and the {credential} could not issue one. "
        + "Service-account keys, Compute Engine/GKE/Cloud Run identities and impersonated credentials can; user credentials from "
        + "'gcloud auth application-default login' cannot, so use a service account (a key, the attached one, or impersonation). "
        + "Google.Apis.Auth: " + inner.Message.Trim(),
        inner);

    public static AkeylessCloudIdException GcpEmptyToken(string credential) => new(
        AkeylessAccessType.Gcp,
        $"gcp authentication asked the {credential} for an ID token and got an empty one.");
}
