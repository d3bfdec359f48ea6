using Amazon.Runtime;
using Azure.Core;
using Google.Apis.Auth.OAuth2;

namespace AkeylessSharp.CloudId;

/// <summary>
/// Where the cloud-id providers get their cloud credentials. Every property is optional: by default each cloud's
/// SDK finds credentials the usual way (AWS default chain, <c>DefaultAzureCredential</c>, Google application default credentials).
/// </summary>
/// <remarks><see cref="ToString"/> shows which credentials are set, never their contents.</remarks>
public sealed class AkeylessCloudIdOptions
{
    /// <summary>The default Azure scope: Azure Resource Manager in the public cloud, as the official helpers request.</summary>
    public const string DefaultAzureScope = "https://management.azure.com/.default";

    /// <summary>
    /// AWS credentials to sign with instead of the SDK's default chain (environment, profile, web identity,
    /// ECS container, EC2 instance role), for example an <c>AssumeRoleAWSCredentials</c> or <c>BasicAWSCredentials</c>.
    /// </summary>
    /// <value>The default is <see langword="null"/>: the default chain.</value>
    public AWSCredentials? AwsCredentials { get; set; }

    /// <summary>
    /// The Azure credential to request the token with instead of <c>DefaultAzureCredential</c> (or of the managed
    /// identity named by <see cref="AkeylessClientOptions.AzureObjectId"/>, which this overrides).
    /// </summary>
    /// <value>The default is <see langword="null"/>.</value>
    public TokenCredential? AzureCredential { get; set; }

    /// <summary>The scope of the Azure AD access token; sovereign clouds use their own Resource Manager, such as <c>https://management.usgovcloudapi.net/.default</c>.</summary>
    /// <value>The default is <c>https://management.azure.com/.default</c>.</value>
    public string AzureScope { get; set; } = DefaultAzureScope;

    /// <summary>
    /// The Google credential to request the ID token with instead of the application default credentials, for
    /// example <c>CredentialFactory.FromFileexample <c>GoogleCredential.FromFile(path)</c> of a service-account keylt;ServiceAccountCredentialexample <c>GoogleCredential.FromFile(path)</c> of a service-account keygt;(path).ToGoogleCredential()</c> of a service-account key. It must support ID tokens
    /// (service account, Compute Engine, impersonated); user credentials do not.
    /// </summary>
    /// <value>The default is <see langword="null"/>.</value>
    public GoogleCredential? GoogleCredential { get; set; }

    /// <summary>The clock that dates AWS signatures (<c>X-Amz-Date</c>); tests pass a fake one.</summary>
    /// <value>The default is <see langword="null"/>: the registered <see cref="System.TimeProvider"/>, else <see cref="TimeProvider.System"/>.</value>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>Describes the options without any credential: only whether each one is set.</summary>
    /// <returns>A redacted description.</returns>
    public override string ToString() =>
        $"AkeylessCloudIdOptions {{ AwsCredentials = {Describe(AwsCredentials)}, AzureCredential = {Describe(AzureCredential)}, AzureScope = {AzureScope}, GoogleCredential = {Describe(GoogleCredential)} }}";

    private static string Describe(object? credential) => credential is null ? "(default)" : credential.GetType().Name;
}
