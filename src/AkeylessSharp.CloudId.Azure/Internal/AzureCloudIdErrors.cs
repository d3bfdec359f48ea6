namespace AkeylessSharp.CloudId.Azure.Internal;

/// <summary>
/// Builds every <see cref="AkeylessCloudIdException"/> of this package: what was searched, how to fix it. The cloud SDK's
/// own message is appended because it says which source failed and why; it never includes a key or a token.
/// </summary>
internal static class AzureCloudIdErrors
{
    public static AkeylessCloudIdException AzureUnavailable(string credential, string scope, Exception inner) => new(
        AkeylessAccessType.AzureAd,
        $"azure_ad authentication needs an Azure AD access token for {scope}, and {credential} could not get one. "
        + "DefaultAzureCredential looks at: the environment (AZURE_TENANT_ID and AZURE_CLIENT_ID with AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH); "
        + "workload identity (AZURE_FEDERATED_TOKEN_FILE); the managed identity of the VM, App Service, Functions or AKS pod (instance metadata service); "
        + "and the Azure CLI, Azure PowerShell, azd and Visual Studio sign-ins. With AzureObjectId set, only the user-assigned managed identity with that object id is asked. "
        + "Fix: run where a managed identity is assigned, set the environment variables, or pass AzureCredential to AddAzureCloudId. "
        + "Azure.Identity: " + inner.Message.Trim(),
        inner);

    public static AkeylessCloudIdException AzureEmptyToken(string credential) => new(
        AkeylessAccessType.AzureAd,
        $"azure_ad authentication asked {credential} for an access token and got an empty one.");

    public static AkeylessCloudIdException AzureCredentialFailed(string credential, string scope, Exception inner) => new(
        AkeylessAccessType.AzureAd,
        $"azure_ad authentication asked {credential} for an Azure AD access token for {scope}, and it failed with {inner.GetType().Name}. "
        + "Fix: check the credential passed as AzureCredential, or the endpoint it asks. " + inner.Message.Trim(),
        inner);

    public static AkeylessCloudIdException AzureExpiredToken(string credential, DateTimeOffset expiresOn) => new(
        AkeylessAccessType.AzureAd,
        $"azure_ad authentication asked {credential} for an access token and got one that expired at {expiresOn:u}, which Akeyless "
        + "would refuse. Fix: check this machine's clock, and that the identity endpoint (IDENTITY_ENDPOINT, MSI_ENDPOINT or the instance "
        + "metadata service) is the real one.");
}
