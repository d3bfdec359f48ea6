using AkeylessSharp.Auth;

namespace AkeylessSharp.CloudId;

/// <summary>The cloud-id providers for code that builds clients without dependency injection.</summary>
/// <example>
/// <code>
/// using var client = new AkeylessClient(options, cloudIdProviders: AkeylessCloudIdProviders.Create());
/// </code>
/// </example>
public static class AkeylessCloudIdProviders
{
    /// <summary>Creates one provider per cloud: AWS IAM, Azure AD and GCP.</summary>
    /// <param name="options">Where the providers get credentials; <see langword="null"/> uses each cloud SDK's default chain.</param>
    /// <returns>The three providers; the AWS one is disposable and owns its credential chain.</returns>
    public static IReadOnlyList<ICloudIdProvider> Create(AkeylessCloudIdOptions? options = null) =>
        [new AwsIamCloudIdProvider(options), new AzureAdCloudIdProvider(options), new GcpCloudIdProvider(options)];
}
