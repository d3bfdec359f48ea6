namespace AkeylessSharp;

/// <summary>
/// An <c>aws_iam</c>, <c>gcp</c> or <c>azure_ad</c> access type was chosen but no cloud-id provider for it is registered:
/// add that cloud's package (AkeylessSharp.CloudId.Aws, .Azure or .Gcp) and call its <c>.AddAwsCloudId()</c>,
/// <c>.AddAzureCloudId()</c> or <c>.AddGcpCloudId()</c> on the builder returned by <c>AddAkeyless</c>.
/// </summary>
/// <param name="accessType">The cloud access type that was asked for.</param>
public sealed class AkeylessCloudIdPackageMissingException(AkeylessAccessType accessType)
    : AkeylessConfigurationException(Describe(accessType), nameof(AkeylessClientOptions.AccessType))
{
    /// <summary>The cloud access type that was asked for.</summary>
    public AkeylessAccessType AccessType { get; } = accessType;

    private static string Describe(AkeylessAccessType accessType)
    {
        var (package, method, provider) = accessType switch
        {
            AkeylessAccessType.AwsIam => ("AkeylessSharp.CloudId.Aws", "AddAwsCloudId", "AwsIamCloudIdProvider"),
            AkeylessAccessType.AzureAd => ("AkeylessSharp.CloudId.Azure", "AddAzureCloudId", "AzureAdCloudIdProvider"),
            _ => ("AkeylessSharp.CloudId.Gcp", "AddGcpCloudId", "GcpCloudIdProvider"),
        };
        return $"Access type {AkeylessAccessTypeNames.ToWireName(accessType)} needs a cloud identity provider: add the {package} package "
            + $"and call .{method}() on the builder returned by AddAkeyless (or pass a new {provider}() to the AkeylessClient constructor).";
    }
}
