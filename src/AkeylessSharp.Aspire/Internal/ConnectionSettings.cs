using AkeylessSharp.Settings.Internal;
using Microsoft.Extensions.Configuration;

namespace AkeylessSharp.Aspire.Internal;

/// <summary>
/// Reads one connection's settings the way Aspire's integrations do: the shared section, then the connection's own
/// section, then <c>ConnectionStrings:{name}</c>, then code; and builds the client options from them.
/// </summary>
internal static class ConnectionSettings
{
    public const string ClientSectionName = "Aspire:Akeyless:Client";
    public const string ConfigurationSectionName = "Aspire:Akeyless:Configuration";

    private static readonly TimeSpan s_maxHealthCheckTimeout = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    public static AkeylessClientSettings Read(IConfiguration configuration, string connectionName, Action<AkeylessClientSettings>? configureSettings)
    {
        var settings = new AkeylessClientSettings();
        var section = configuration.GetSection(ClientSectionName);
        var own = section.GetSection(connectionName);
        BareNumberDurations.ThrowIfAny(section, nameof(AkeylessClientSettings.HealthCheckTimeout));
        BareNumberDurations.ThrowIfAny(own, nameof(AkeylessClientSettings.HealthCheckTimeout));
        BindingErrors.Run(section, () => section.Bind(settings));
        BindingErrors.Run(own, () => own.Bind(settings));
        if (configuration.GetConnectionString(connectionName) is { Length: > 0 } connectionString)
        {
            settings.ConnectionString = connectionString;
        }

        configureSettings?.Invoke(settings);
        // Past what a timer can wait, HealthCheckService's CancelAfter throws at every run.
        if (settings.HealthCheckTimeout is { } timeout && (timeout <= TimeSpan.Zero || timeout > s_maxHealthCheckTimeout) && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new AkeylessConfigurationException(
                $"{ClientSectionName}:{nameof(AkeylessClientSettings.HealthCheckTimeout)} is {timeout}; it must be positive (such as 00:00:05) and at most {s_maxHealthCheckTimeout}, or unset to use the health check service's own timeout.",
                nameof(AkeylessClientSettings.HealthCheckTimeout));
        }

        return settings;
    }

    /// <summary>Fails early, naming both places a connection can come from, when neither holds one.</summary>
    public static void ThrowIfMissing(IConfiguration configuration, string connectionName, AkeylessClientSettings settings, bool configuredInCode)
    {
        if (string.IsNullOrWhiteSpace(settings.ConnectionString) && !configuredInCode && !ClientOptionsSections(configuration, connectionName).Any(s => s.Exists()))
        {
            throw new AkeylessConfigurationException(
                $"No Akeyless connection '{connectionName}': set ConnectionStrings:{connectionName} (an app host's WithReference does), or the client options under {ClientSectionName}:ClientOptions.",
                $"ConnectionStrings:{connectionName}");
        }
    }

    /// <summary>Binds the <c>ClientOptions</c> sections, then lays the connection string's endpoint and credential over them.</summary>
    public static void Apply(AkeylessClientOptions options, IConfiguration configuration, string connectionName, AkeylessClientSettings settings)
    {
        foreach (var section in ClientOptionsSections(configuration, connectionName))
        {
            ClientOptionsBinder.Bind(section, options);
        }

        if (!string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            ConnectionIdentity.CopyTo(settings.ConnectionString, options);
        }
    }

    private static IEnumerable<IConfigurationSection> ClientOptionsSections(IConfiguration configuration, string connectionName)
    {
        var section = configuration.GetSection(ClientSectionName);
        yield return section.GetSection("ClientOptions");
        yield return section.GetSection(connectionName).GetSection("ClientOptions");
    }
}
