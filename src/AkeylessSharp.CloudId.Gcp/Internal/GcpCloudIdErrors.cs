namespace AkeylessSharp.CloudId.Gcp.Internal;

/// <summary>
/// Builds every <see cref="AkeylessCloudIdException"/> of this package: what was searched, how to fix it. The cloud SDK's
/// own message is appended because it says which source failed and why; it never includes a key or a token.
/// </summary>
internal static class GcpCloudIdErrors
{
    public static AkeylessCloudIdException GcpNoCredentials(Exception inner) => new(
        AkeylessAccessType.Gcp,
        "gcp authentication needs Google credentials, and the application default credentials were not found. They are looked for in: "
        + "GOOGLE_APPLICATION_CREDENTIALS (the path of a service-account key or external-account file); "
        + "the gcloud file ~/.config/gcloud/application_default_credentials.json; "
        + "and the metadata server of Compute Engine, GKE, Cloud Run or Cloud Functions. "
        + "Fix: run with a service account attached, set GOOGLE_APPLICATION_CREDENTIALS, or pass GoogleCredential to AddGcpCloudId. "
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
