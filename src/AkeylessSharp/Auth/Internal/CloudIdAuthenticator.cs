using AkeylessSharp.Http.Contracts;

namespace AkeylessSharp.Auth.Internal;

/// <summary>
/// <c>aws_iam</c>, <c>gcp</c>, <c>azure_ad</c>: asks the registered <see cref="ICloudIdProvider"/> for a fresh cloud id
/// each time. Without a provider (the cloud's AkeylessSharp.CloudId.* package is missing) it throws
/// <see cref="AkeylessCloudIdPackageMissingException"/>; a provider failing with another exception type is reported as
/// <see cref="AkeylessCloudIdException"/>.
/// </summary>
internal sealed class CloudIdAuthenticator(AuthContext context) : IAkeylessAuthenticator
{
    public async ValueTask<AkeylessToken> AuthenticateAsync(CancellationToken cancellationToken)
    {
        var options = context.Options;
        var provider = FindProvider(context.CloudIdProviders, options.AccessType);
        string cloudId;
        try
        {
            cloudId = await provider.GetCloudIdAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not AkeylessException && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // An application's own provider may fail with any exception; callers only ever see the AkeylessException family.
            throw new AkeylessCloudIdException(
                options.AccessType,
                $"The cloud-id provider {provider.GetType().FullName} could not get this workload's {AkeylessAccessTypeNames.ToWireName(options.AccessType)} identity ({ex.GetType().Name}); see the inner exception. Nothing was sent to Akeyless.",
                ex);
        }

        if (string.IsNullOrWhiteSpace(cloudId))
        {
            // Sent as is, Akeyless would answer with a bare 401 that names neither the provider nor the cause.
            throw new AkeylessCloudIdException(
                options.AccessType,
                $"The cloud-id provider {provider.GetType().FullName} returned no {AkeylessAccessTypeNames.ToWireName(options.AccessType)} cloud id (null or empty). Nothing was sent to Akeyless.");
        }

        var request = new AuthRequest
        {
            AccessType = AkeylessAccessTypeNames.ToWireName(options.AccessType),
            AccessId = options.AccessId,
            CloudId = cloudId,
            // Trimmed as the gcp provider trims it to mint the token: Akeyless compares this with the token's aud.
            GcpAudience = options.AccessType == AkeylessAccessType.Gcp ? options.GcpAudience?.Trim() : null,
        };
        return await context.AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static ICloudIdProvider FindProvider(IReadOnlyList<ICloudIdProvider> providers, AkeylessAccessType accessType)
    {
        foreach (var provider in providers)
        {
            if (provider.AccessType == accessType)
            {
                return provider;
            }
        }

        throw new AkeylessCloudIdPackageMissingException(accessType);
    }
}
