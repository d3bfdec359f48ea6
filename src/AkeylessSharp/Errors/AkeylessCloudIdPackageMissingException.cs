namespace AkeylessSharp;

/// <summary>
/// An <c>aws_iam</c>, <c>gcp</c> or <c>azure_ad</c> access type was chosen but no cloud-id provider is registered:
/// add the AkeylessSharp.CloudId package and call <c>.AddCloudId()</c> on the builder returned by <c>AddAkeyless</c>.
/// </summary>
/// <param name="accessType">The cloud access type that was asked for.</param>
public sealed class AkeylessCloudIdPackageMissingException(AkeylessAccessType accessType)
    : AkeylessConfigurationException(
        $"Access type {AkeylessAccessTypeNames.ToWireName(accessType)} needs a cloud identity provider: add the AkeylessSharp.CloudId package and call .AddCloudId() on the builder returned by AddAkeyless (or pass its provider to the AkeylessClient constructor).",
        nameof(AkeylessClientOptions.AccessType))
{
    /// <summary>The cloud access type that was asked for.</summary>
    public AkeylessAccessType AccessType { get; } = accessType;
}
