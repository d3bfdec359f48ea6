using Azure.Core;

namespace AkeylessSharp.CloudId;

/// <summary>Where <see cref="AzureAdCloudIdProvider"/> gets its Azure AD token. By default, <c>DefaultAzureCredential</c>.</summary>
/// <remarks><see cref="ToString"/> shows whether a credential is set, never its contents.</remarks>
public sealed class AkeylessAzureCloudIdOptions
{
    /// <summary>The default Azure scope: Azure Resource Manager in the public cloud, as the official helpers request.</summary>
    public const string DefaultAzureScope = "https://management.azure.com/.default";

    /// <summary>
    /// The Azure credential to request the token with instead of <c>DefaultAzureCredential</c> (or of the managed
    /// identity named by <see cref="AkeylessClientOptions.AzureObjectId"/>, which this overrides).
    /// </summary>
    /// <value>The default is <see langword="null"/>.</value>
    public TokenCredential? AzureCredential { get; set; }

    /// <summary>The scope of the Azure AD access token (white space around it is ignored); sovereign clouds use their own Resource Manager, such as <c>https://management.usgovcloudapi.net/.default</c>.</summary>
    /// <value>The default is <c>https://management.azure.com/.default</c>.</value>
    public string AzureScope { get; set; } = DefaultAzureScope;

    /// <summary>Describes the options without any credential: only whether one is set.</summary>
    /// <returns>A redacted description.</returns>
    public override string ToString() =>
        $"AkeylessAzureCloudIdOptions {{ AzureCredential = {(AzureCredential is null ? "(default)" : AzureCredential.GetType().Name)}, AzureScope = {AzureScope} }}";
}
