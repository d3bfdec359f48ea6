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

        return (CreateFromOptions(options.ClientOptions), true);
    }

    private static IAkeylessClient CreateFromOptions(AkeylessClientOptions clientOptions)
    {
        ArgumentNullException.ThrowIfNull(clientOptions);
        throw new AkeylessConfigurationException(
            "No IAkeylessClient was given and the client cannot yet be created from ClientOptions; set AkeylessConfigurationOptions.Client.",
            nameof(AkeylessConfigurationOptions.Client));
    }
}
