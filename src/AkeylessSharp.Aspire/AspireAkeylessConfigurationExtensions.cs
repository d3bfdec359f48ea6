using AkeylessSharp.Aspire;
using AkeylessSharp.Aspire.Internal;
using AkeylessSharp.Configuration;
using AkeylessSharp.Settings.Internal;

namespace Microsoft.Extensions.Configuration;

/// <summary>
/// Loads Akeyless secrets into configuration from the connection an app host hands a service:
/// <c>builder.Configuration.AddAkeylessSecrets("akeyless", o => o.BasePaths.Add("/myapp"))</c>.
/// </summary>
public static class AspireAkeylessConfigurationExtensions
{
    /// <summary>
    /// Adds the Akeyless configuration provider for the connection named <paramref name="connectionName"/>. What to load
    /// (<c>BasePaths</c>, <c>Paths</c>, <c>ConnectionsPath</c>, <c>ReloadInterval</c>, ...) binds from the
    /// <c>Aspire:Akeyless:Configuration</c> section, then <paramref name="configure"/> runs; the client is built from
    /// <c>ConnectionStrings:{connectionName}</c> and the <c>Aspire:Akeyless:Client</c> section, as for <c>AddAkeylessClient</c>.
    /// </summary>
    /// <param name="configuration">The application's configuration manager (<c>builder.Configuration</c>).</param>
    /// <param name="connectionName">The connection name: the resource name in the app host.</param>
    /// <param name="configure">Chooses what to load, after binding.</param>
    /// <param name="configureSettings">Adjusts the connection settings after they are read from configuration.</param>
    /// <returns>The configuration manager, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configuration"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionName"/> is empty.</exception>
    /// <exception cref="AkeylessSharp.AkeylessConfigurationException">No connection is configured (neither in configuration nor by <paramref name="configure"/> setting the client or its credentials), the connection string is invalid, or a setting has a value of the wrong type; the message names it.</exception>
    public static IConfigurationManager AddAkeylessSecrets(
        this IConfigurationManager configuration,
        string connectionName,
        Action<AkeylessConfigurationOptions>? configure = null,
        Action<AkeylessClientSettings>? configureSettings = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionName);
        var settings = ConnectionSettings.Read(configuration, connectionName, configureSettings);

        var options = new AkeylessConfigurationOptions();
        var section = configuration.GetSection(ConnectionSettings.ConfigurationSectionName);
        BareNumberDurations.ThrowIfAny(section, nameof(AkeylessConfigurationOptions.ReloadInterval));
        BareNumberDurations.ThrowIfAny(section.GetSection(nameof(AkeylessConfigurationOptions.ClientOptions)));
        BindingErrors.Run(section, () => section.Bind(options));
        ConnectionSettings.Apply(options.ClientOptions, configuration, connectionName, settings);
        var bound = options.ClientOptions;
        configure?.Invoke(options);

        // A callback that only chooses what to load (o => o.BasePaths.Add("/app")) gives no connection.
        ConnectionSettings.ThrowIfMissing(configuration, connectionName, settings, configuredInCode: GivesConnection(options, bound));
        configuration.AddAkeyless(options);
        return configuration;
    }

    private static bool GivesConnection(AkeylessConfigurationOptions options, AkeylessSharp.AkeylessClientOptions bound) =>
        options.Client is not null
        || !ReferenceEquals(options.ClientOptions, bound)
        || options.ClientOptions.AccessId is not null
        || options.ClientOptions.UidToken is not null;
}
