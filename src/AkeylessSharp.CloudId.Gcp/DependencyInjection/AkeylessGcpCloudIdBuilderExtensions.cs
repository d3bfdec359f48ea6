using AkeylessSharp.Auth;
using AkeylessSharp.CloudId;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the <c>gcp</c> cloud-id provider to an Akeyless client registration.</summary>
public static class AkeylessGcpCloudIdBuilderExtensions
{
    /// <summary>Registers <see cref="GcpCloudIdProvider"/>, which finds credentials from the application default credentials, so clients configured with <c>gcp</c> can authenticate.</summary>
    /// <param name="builder">The builder returned by <c>AddAkeyless</c>.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IAkeylessBuilder AddGcpCloudId(this IAkeylessBuilder builder) => builder.AddGcpCloudId(configure: null);

    /// <summary>Registers <see cref="GcpCloudIdProvider"/> and configures where it gets credentials.</summary>
    /// <param name="builder">The builder returned by <c>AddAkeyless</c>.</param>
    /// <param name="configure">Sets the credentials; <see langword="null"/> keeps the defaults.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <remarks>
    /// The provider and its <see cref="AkeylessGcpCloudIdOptions"/> are shared by every Akeyless client in the container
    /// (named ones included); calling this again only adds configuration. A provider registered earlier for the same
    /// access type takes precedence, so a custom <see cref="ICloudIdProvider"/> can replace this one.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IAkeylessBuilder AddGcpCloudId(this IAkeylessBuilder builder, Action<AkeylessGcpCloudIdOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<AkeylessGcpCloudIdOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ICloudIdProvider, GcpCloudIdProvider>(
            static sp => new GcpCloudIdProvider(sp.GetRequiredService<IOptions<AkeylessGcpCloudIdOptions>>().Value, sp.GetService<ILogger<GcpCloudIdProvider>>())));
        return builder;
    }
}
