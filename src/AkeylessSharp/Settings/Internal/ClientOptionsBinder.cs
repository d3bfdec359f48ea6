using Microsoft.Extensions.Configuration;

namespace AkeylessSharp.Settings.Internal;

/// <summary>
/// Binds <see cref="AkeylessClientOptions"/> with the source-generated configuration binder (no reflection, so Native AOT
/// and trimming keep working). That binder ignores type converters, so <c>AccessType</c> spellings of the references
/// (<c>api_key</c>, <c>uid</c>, <c>k8s</c>, ...) are rewritten to the enum names first.
/// </summary>
internal static class ClientOptionsBinder
{
    private const string AccessTypeKey = nameof(AkeylessClientOptions.AccessType);

    public static void Bind(IConfiguration configuration, AkeylessClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[AccessTypeKey];
        if (string.IsNullOrEmpty(text) || Enum.TryParse<AkeylessAccessType>(text, ignoreCase: true, out _))
        {
            configuration.Bind(options);
            return;
        }

        if (!AkeylessAccessTypeNames.TryParse(text, out var accessType))
        {
            throw new AkeylessConfigurationException(
                $"AccessType '{text}' is not an Akeyless access type. Allowed: {AkeylessAccessTypeNames.AllowedNames}.", AccessTypeKey);
        }

        // The caller's configuration, with the enum name layered on top (setting a key on it would write through).
        var normalized = new ConfigurationBuilder()
            .AddConfiguration(configuration, shouldDisposeConfiguration: false)
            .AddInMemoryCollection([new(AccessTypeKey, accessType.ToString())])
            .Build();
        using (normalized as IDisposable)
        {
            normalized.Bind(options);
        }
    }
}
