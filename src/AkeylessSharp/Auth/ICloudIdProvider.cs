namespace AkeylessSharp.Auth;

/// <summary>
/// Produces the <c>cloud-id</c> proof of the workload's cloud identity for <c>aws_iam</c>, <c>gcp</c> or <c>azure_ad</c>
/// authentication. Implemented by the AkeylessSharp.CloudId.Aws, .Azure and .Gcp packages; the client picks the provider whose
/// <see cref="AccessType"/> matches <see cref="AkeylessClientOptions.AccessType"/>; when several match, the one
/// registered (or passed) first wins, so an application can replace one cloud's provider by registering its own earlier.
/// </summary>
public interface ICloudIdProvider
{
    /// <summary>The access type this provider serves: <see cref="AkeylessAccessType.AwsIam"/>, <see cref="AkeylessAccessType.Gcp"/> or <see cref="AkeylessAccessType.AzureAd"/>.</summary>
    AkeylessAccessType AccessType { get; }

    /// <summary>Gets a fresh cloud id (base64, as <c>/auth</c> expects it).</summary>
    /// <param name="options">The client options (for <see cref="AkeylessClientOptions.GcpAudience"/>, <see cref="AkeylessClientOptions.AzureObjectId"/>).</param>
    /// <param name="cancellationToken">Cancels the request to the cloud's metadata service.</param>
    /// <returns>The cloud id. Secret.</returns>
    ValueTask<string> GetCloudIdAsync(AkeylessClientOptions options, CancellationToken cancellationToken);
}
