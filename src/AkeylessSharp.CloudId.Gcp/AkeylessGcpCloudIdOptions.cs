using Google.Apis.Auth.OAuth2;

namespace AkeylessSharp.CloudId;

/// <summary>Where <see cref="GcpCloudIdProvider"/> gets its Google ID token. By default, the application default credentials.</summary>
/// <remarks><see cref="ToString"/> shows whether a credential is set, never its contents.</remarks>
public sealed class AkeylessGcpCloudIdOptions
{
    /// <summary>
    /// The Google credential to request the ID token with instead of the application default credentials, for
    /// example <c>CredentialFactory.FromFile&lt;ServiceAccountCredential&gt;(path).ToGoogleCredential()</c> of a
    /// service-account key. It must support ID tokens (service account, Compute Engine, impersonated); user credentials do not.
    /// </summary>
    /// <value>The default is <see langword="null"/>.</value>
    public GoogleCredential? GoogleCredential { get; set; }

    /// <summary>Describes the options without any credential: only whether one is set.</summary>
    /// <returns>A redacted description.</returns>
    public override string ToString() =>
        $"AkeylessGcpCloudIdOptions {{ GoogleCredential = {(GoogleCredential is null ? "(default)" : GoogleCredential.GetType().Name)} }}";
}
