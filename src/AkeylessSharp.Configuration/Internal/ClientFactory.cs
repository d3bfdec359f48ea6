namespace AkeylessSharp.Configuration.Internal;

/// <summary>Gives the provider its client: the one supplied, or one created from the client options and owned by the provider.</summary>
internal static class ClientFactory
{
    public static (IAkeylessClient Client, bool OwnsClient) Create(AkeylessConfigurationOptions options)
    {
        if (options.Client is { } client)
        {
            return (client, false);
        }

        return (CreateFromOptions(options.ClientOptions, options.LoggerFactory, options.CloudIdProviders), true);
    }

    private static IAkeylessClient CreateFromOptions(
        AkeylessClientOptions? clientOptions, Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory, IEnumerable<Auth.ICloudIdProvider>? cloudIdProviders)
    {
        if (clientOptions is null)
        {
            throw new AkeylessConfigurationException("Set either Client or ClientOptions.", nameof(AkeylessConfigurationOptions.ClientOptions));
        }

        // The client keeps the system clock: the reload clock may be a test's fake one, and the client's
        // timeouts and back-off must not depend on someone moving it.
        return new AkeylessClient(clientOptions, loggerFactory, cloudIdProviders: cloudIdProviders);
    }
}
