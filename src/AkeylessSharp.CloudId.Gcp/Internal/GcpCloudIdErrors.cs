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

    public static AkeylessCloudIdException GcpCredentialFileUnreadable(Exception inner) => new(
        AkeylessAccessType.Gcp,
        "gcp authentication found a Google credential file (GOOGLE_APPLICATION_CREDENTIALS, or the gcloud file "
        + "~/.config/gcloud/application_default_credentials.json) and could not read it. "
        + "Fix: point GOOGLE_APPLICATION_CREDENTIALS at a service-account key or external-account JSON file as Google Cloud issues it. "
        + "Google.Apis.Auth: " + inner.Message.Trim(),
        inner);

    public static AkeylessCloudIdException CredentialFileUnderNativeAot(string variable) => new(
        AkeylessAccessType.Gcp,
        $"gcp authentication under Native AOT cannot use the credential file that {variable} names: Google.Apis.Auth reads "
        + "credential files with Newtonsoft.Json's reflection, which Native AOT does not support. Under Native AOT the gcp package "
        + $"asks the metadata server of Compute Engine, GKE, Cloud Run or Cloud Functions for the attached service account's ID token. "
        + $"Fix: unset {variable} and attach the service account to the workload, or publish without Native AOT.");

    public static AkeylessCloudIdException MetadataHostInvalid(string variable, string value) => new(
        AkeylessAccessType.Gcp,
        $"gcp authentication under Native AOT asks the metadata server named by {variable}, and its value '{value}' is not a "
        + $"plain host[:port] (no scheme, path, query, user info or spaces). Fix: set {variable} to a host such as "
        + $"'metadata.google.internal' or '169.254.169.254:80', or unset it to use the default.");

    public static AkeylessCloudIdException MetadataServerUnreachable(string host, Exception inner, string reason) => new(
        AkeylessAccessType.Gcp,
        $"gcp authentication under Native AOT asks the metadata server for an ID token, and '{host}' did not answer ({reason}). It answers on "
        + "Compute Engine, GKE, Cloud Run and Cloud Functions (GCE_METADATA_HOST names another host). Fix: run on Google Cloud with a "
        + "service account attached, or publish without Native AOT to use a key file.",
        inner);

    public static AkeylessCloudIdException MetadataServerRefused(string host, string audience, int status, bool fromMetadataServer) => new(
        AkeylessAccessType.Gcp,
        !fromMetadataServer
            ? $"gcp authentication asked '{host}' for an ID token and the answer (HTTP {status}) did not come from a metadata server "
              + "(no 'Metadata-Flavor: Google' header). Fix: check GCE_METADATA_HOST."
            : status is >= 300 and < 400
                ? $"gcp authentication asked the metadata server '{host}' for an ID token and got HTTP {status}, a redirect, which is not "
                  + "followed: a metadata server answers itself. Fix: check GCE_METADATA_HOST."
                : $"gcp authentication asked the metadata server '{host}' for an ID token for audience '{audience}' and got HTTP {status}. "
                  + "Fix: attach a service account to the workload (GKE: enable Workload Identity for its Kubernetes service account).");

    public static AkeylessCloudIdException MetadataServerAnswerNotAToken(string host) => new(
        AkeylessAccessType.Gcp,
        $"gcp authentication asked the metadata server '{host}' for an ID token and the answer is not an ID token (a JWT: three "
        + "base64url parts joined by dots). Fix: check that GCE_METADATA_HOST names the metadata server and not a proxy or another service.");

    public static AkeylessCloudIdException MetadataServerAnswerTooLarge(string host, int limit) => new(
        AkeylessAccessType.Gcp,
        $"gcp authentication asked the metadata server '{host}' for an ID token and the answer is larger than {limit} bytes, "
        + "so it is not one (an ID token is about 1 KB) and was not read. Fix: check that GCE_METADATA_HOST names the metadata server.");

    public static AkeylessCloudIdException GcpTokenFailed(string credential, string audience, Exception inner) => new(
        AkeylessAccessType.Gcp,
        $"gcp authentication needs a Google ID token for audience '{audience}', and the {credential} could not issue one. "
        + (inner is InvalidOperationException or NotSupportedException
            ? "Service-account keys, Compute Engine/GKE/Cloud Run identities and impersonated credentials can; user credentials from "
              + "'gcloud auth application-default login' cannot, so use a service account (a key, the attached one, or impersonation). "
            : "The token request was refused or got no answer: check that the service account exists and its key is valid, and that "
              + "the metadata server (GCE_METADATA_HOST names another one) or Google's token endpoint answers. ")
        + "Google.Apis.Auth: " + inner.Message.Trim(),
        inner);

    public static AkeylessCloudIdException GcpTokenMalformed(string credential, string audience, Exception inner) => new(
        AkeylessAccessType.Gcp,
        $"gcp authentication asked the {credential} for an ID token for audience '{audience}', and the answer is not an ID token "
        + "(a JWT: three base64url parts joined by dots). Fix: check that GCE_METADATA_HOST, or the token endpoint of the credential, "
        + "names Google's metadata server or token service and not a proxy or another service.",
        inner);

    public static AkeylessCloudIdException GcpEmptyToken(string credential) => new(
        AkeylessAccessType.Gcp,
        $"gcp authentication asked the {credential} for an ID token and got an empty one.");

    public static AkeylessCloudIdException GcpExpiredToken(string credential, DateTimeOffset expiresAt, DateTimeOffset now) => new(
        AkeylessAccessType.Gcp,
        $"gcp authentication asked the {credential} for an ID token and got one that expired at {expiresAt:u}, while this machine's "
        + $"clock reads {now:u}, so Akeyless would refuse it. Fix: check this machine's clock (is it synchronized?), and that "
        + "GCE_METADATA_HOST or the credential's token endpoint names Google's metadata server or token service, not a proxy or a cache.");

    public static AkeylessCloudIdException GcpTokenWithoutExpiry(string credential) => new(
        AkeylessAccessType.Gcp,
        $"gcp authentication asked the {credential} for an ID token and got a token without a readable expiry (its exp claim), "
        + "which every Google ID token has. Fix: check that GCE_METADATA_HOST, or the token endpoint of the credential, names Google's "
        + "metadata server or token service and not a proxy or another service.");
}
