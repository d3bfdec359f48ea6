using Microsoft.Extensions.Configuration;

namespace AkeylessSharp.Settings.Internal;

/// <summary>
/// Binds <see cref="AkeylessClientOptions"/> with the source-generated configuration binder (no reflection, so Native AOT
/// and trimming keep working). That binder ignores type converters, so <c>AccessType</c> spellings of the references
/// (<c>api_key</c>, <c>uid</c>, <c>k8s</c>, ...) are rewritten to the enum names first. A value of the wrong type fails
/// with an <see cref="AkeylessConfigurationException"/> naming its full key, never the value.
/// </summary>
internal static class ClientOptionsBinder
{
    private const string AccessTypeKey = nameof(AkeylessClientOptions.AccessType);

    public static void Bind(IConfiguration configuration, AkeylessClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        BareNumberDurations.ThrowIfAny(configuration);
        var text = configuration[AccessTypeKey];
        if (string.IsNullOrEmpty(text) || Enum.TryParse<AkeylessAccessType>(text, ignoreCase: true, out _))
        {
            BindNamingFullKeys(configuration, configuration, options, keysRelativeToSection: false);
            return;
        }

        if (!AkeylessAccessTypeNames.TryParse(text, out var accessType))
        {
            // Named by its full key, never quoted: the value may be a secret set under the wrong key.
            var key = configuration is IConfigurationSection section ? ConfigurationPath.Combine(section.Path, AccessTypeKey) : AccessTypeKey;
            throw new AkeylessConfigurationException(
                $"The configuration value at '{key}' is not an Akeyless access type. Allowed: {AkeylessAccessTypeNames.AllowedNames}.", key);
        }

        // The caller's configuration, with the enum name layered on top (setting a key on it would write through).
        var normalized = new ConfigurationBuilder()
            .AddConfiguration(configuration, shouldDisposeConfiguration: false)
            .AddInMemoryCollection([new(AccessTypeKey, accessType.ToString())])
            .Build();
        using (normalized as IDisposable)
        {
            // The layered root sees the section's keys without its path.
            BindNamingFullKeys(normalized, configuration, options, keysRelativeToSection: true);
        }
    }

    private static void BindNamingFullKeys(IConfiguration source, IConfiguration section, AkeylessClientOptions options, bool keysRelativeToSection) =>
        BindingErrors.Run(section, () => source.Bind(options), keysRelativeToSection);
}
