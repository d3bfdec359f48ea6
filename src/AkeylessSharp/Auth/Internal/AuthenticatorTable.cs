namespace AkeylessSharp.Auth.Internal;

/// <summary>Chooses the authenticator of an access type from a table, so a new method is one line here and one file.</summary>
internal static class AuthenticatorTable
{
    private static readonly Dictionary<AkeylessAccessType, Func<AuthContext, IAkeylessAuthenticator>> s_factories = new()
    {
        [AkeylessAccessType.ApiKey] = static c => new AccessKeyAuthenticator(c),
        [AkeylessAccessType.UniversalIdentity] = static c => new UniversalIdentityAuthenticator(c),
        [AkeylessAccessType.Jwt] = static c => new JwtAuthenticator(c),
        [AkeylessAccessType.Kubernetes] = static c => new KubernetesAuthenticator(c),
        [AkeylessAccessType.Certificate] = static c => new CertificateAuthenticator(c),
        [AkeylessAccessType.Saml] = static c => new SamlAuthenticator(c),
        [AkeylessAccessType.AwsIam] = static c => new CloudIdAuthenticator(c),
        [AkeylessAccessType.Gcp] = static c => new CloudIdAuthenticator(c),
        [AkeylessAccessType.AzureAd] = static c => new CloudIdAuthenticator(c),
    };

    public static IAkeylessAuthenticator Create(AuthContext context) =>
        s_factories.TryGetValue(context.Options.AccessType, out var factory)
            ? factory(context)
            : throw new AkeylessUnsupportedAccessTypeException(
                context.Options.AccessType,
                $"AccessType {context.Options.AccessType} is not supported. Allowed: {AkeylessAccessTypeNames.AllowedNames}.");
}
