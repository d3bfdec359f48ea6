using AkeylessSharp;
using AkeylessSharp.Configuration;
using AkeylessSharp.Settings.Internal;

namespace Microsoft.Extensions.Configuration;

/// <summary>Adds Akeyless secrets to an <see cref="IConfigurationBuilder"/>.</summary>
public static class AkeylessConfigurationBuilderExtensions
{
    /// <summary>The configuration section read by <see cref="AddAkeyless(IConfigurationBuilder, string, Action{AkeylessConfigurationOptions}?)"/> by default.</summary>
    public const string DefaultSectionName = "Akeyless";

    /// <summary>Adds Akeyless secrets configured in code.</summary>
    /// <param name="builder">The configuration builder.</param>
    /// <param name="configure">Sets the client (or its options) and what to load.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IConfigurationBuilder AddAkeyless(this IConfigurationBuilder builder, Action<AkeylessConfigurationOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new AkeylessConfigurationOptions();
        configure(options);
        return builder.AddAkeyless(options);
    }

    /// <summary>Adds Akeyless secrets with the settings of the <c>Akeyless</c> section of the configuration already loaded.</summary>
    /// <param name="builder">The configuration builder.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="AkeylessConfigurationException">A setting has a value of the wrong type (the message names the key, not the value), or <c>AccessType</c> is unknown.</exception>
    public static IConfigurationBuilder AddAkeyless(this IConfigurationBuilder builder) => builder.AddAkeyless(DefaultSectionName, configure: null);

    /// <summary>Adds Akeyless secrets with the settings of a section of the configuration already loaded.</summary>
    /// <param name="builder">The configuration builder.</param>
    /// <param name="sectionName">The section name.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="AkeylessConfigurationException">A setting has a value of the wrong type (the message names the key, not the value), or <c>AccessType</c> is unknown.</exception>
    public static IConfigurationBuilder AddAkeyless(this IConfigurationBuilder builder, string sectionName) => builder.AddAkeyless(sectionName, configure: null);

    /// <summary>
    /// Adds Akeyless secrets with the settings found in configuration already loaded, so environment variables such as
    /// <c>Akeyless__AccessId</c>, <c>Akeyless__AccessType</c>, <c>Akeyless__BasePaths__0</c> work. The section holds
    /// the client's settings (<see cref="AkeylessClientOptions"/>, every access type) and this provider's
    /// (<see cref="AkeylessConfigurationOptions"/>) side by side.
    /// </summary>
    /// <param name="builder">The configuration builder; when it is also an <see cref="IConfiguration"/> (as
    /// <c>WebApplicationBuilder.Configuration</c> is) its current values are read, otherwise its sources are built once to read them.</param>
    /// <param name="sectionName">The section name.</param>
    /// <param name="configure">Adjusts the options after binding (for example to set a <see cref="AkeylessConfigurationOptions.Filter"/>); <see langword="null"/> leaves them as bound.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="AkeylessConfigurationException">A setting has a value of the wrong type (the message names the key, not the value), or <c>AccessType</c> is unknown.</exception>
    public static IConfigurationBuilder AddAkeyless(this IConfigurationBuilder builder, string sectionName, Action<AkeylessConfigurationOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(sectionName);
        if (builder is IConfiguration live)
        {
            return builder.AddAkeyless(live.GetSection(sectionName), configure);
        }

        // Binding copies the values, so the temporary root (and any file watchers it started) can go right away. Akeyless
        // sources added before are left out: settings never come from them, and building one would load its secrets now.
        var temporary = new ConfigurationBuilder();
        foreach (var (key, value) in builder.Properties)
        {
            temporary.Properties[key] = value; // SetBasePath's file provider, for the file sources
        }

        foreach (var source in builder.Sources.Where(s => s is not AkeylessConfigurationSource))
        {
            temporary.Add(source);
        }

        var settings = temporary.Build();
        try
        {
            return builder.AddAkeyless(settings.GetSection(sectionName), configure);
        }
        finally
        {
            (settings as IDisposable)?.Dispose();
        }
    }

    /// <summary>Adds Akeyless secrets with the settings of <paramref name="settings"/> (typically a section named <c>Akeyless</c>).</summary>
    /// <param name="builder">The configuration builder.</param>
    /// <param name="settings">The settings: client fields (<c>ApiUrl</c>, <c>AccessId</c>, <c>AccessType</c>, <c>AccessKey</c>, ...) and provider fields (<c>BasePaths</c>, <c>ConnectionsPath</c>, <c>ReloadInterval</c>, ...).</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="AkeylessConfigurationException">A setting has a value of the wrong type (the message names the key, not the value), or <c>AccessType</c> is unknown.</exception>
    public static IConfigurationBuilder AddAkeyless(this IConfigurationBuilder builder, IConfiguration settings) => builder.AddAkeyless(settings, configure: null);

    /// <summary>Adds Akeyless secrets with the settings of <paramref name="settings"/>, adjusted in code after binding.</summary>
    /// <param name="builder">The configuration builder.</param>
    /// <param name="settings">The settings: client fields (<c>ApiUrl</c>, <c>AccessId</c>, <c>AccessType</c>, <c>AccessKey</c>, ...) and provider fields (<c>BasePaths</c>, <c>ConnectionsPath</c>, <c>ReloadInterval</c>, ...).</param>
    /// <param name="configure">Adjusts the options after binding; <see langword="null"/> leaves them as bound.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="AkeylessConfigurationException">A setting has a value of the wrong type (the message names the key, not the value), or <c>AccessType</c> is unknown.</exception>
    public static IConfigurationBuilder AddAkeyless(this IConfigurationBuilder builder, IConfiguration settings, Action<AkeylessConfigurationOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        var options = new AkeylessConfigurationOptions();
        BareNumberDurations.ThrowIfAny(settings, nameof(AkeylessConfigurationOptions.ReloadInterval));
        BindingErrors.Run(settings, () => settings.Bind(options));

        options.ClientOptions = AkeylessClientOptions.FromConfiguration(settings);
        configure?.Invoke(options);
        return builder.AddAkeyless(options);
    }

    /// <summary>Adds Akeyless secrets with ready options; the other overloads funnel into this one.</summary>
    /// <param name="builder">The configuration builder.</param>
    /// <param name="options">The options.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IConfigurationBuilder AddAkeyless(this IConfigurationBuilder builder, AkeylessConfigurationOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        return builder.Add(new AkeylessConfigurationSource(options));
    }
}
