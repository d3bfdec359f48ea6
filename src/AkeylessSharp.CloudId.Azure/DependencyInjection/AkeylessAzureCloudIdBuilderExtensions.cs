using AkeylessSharp.Auth;
using AkeylessSharp.CloudId;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the <c>azure_ad</c> cloud-id provider to an Akeyless client registration.</summary>
public static class AkeylessAzureCloudIdBuilderExtensions
{
    /// <summary>Registers <see cref="AzureAdCloudIdProvider"/>, which finds credentials with <c>DefaultAzureCredential</c>, so clients configured with <c>azure_ad</c> can authenticate.</summary>
    /// <param name="builder">The builder returned by <c>AddAkeyless</c>.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IAkeylessBuilder AddAzureCloudId(this IAkeylessBuilder builder) => builder.AddAzureCloudId(configure: null);

    /// <summary>Registers <see cref="AzureAdCloudIdProvider"/> and configures where it gets credentials.</summary>
    /// <param name="builder">The builder returned by <c>AddAkeyless</c>.</param>
    /// <param name="configure">Sets the credentials; <see langword="null"/> keeps the defaults.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <remarks>
    /// The provider and its <see cref="AkeylessAzureCloudIdOptions"/> are shared by every Akeyless client in the container
    /// (named ones included); calling this again only adds configuration. A provider registered earlier for the same
    /// access type takes precedence, so a custom <see cref="ICloudIdProvider"/> can replace this one.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IAkeylessBuilder AddAzureCloudId(this IAkeylessBuilder builder, Action<AkeylessAzureCloudIdOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<AkeylessAzureCloudIdOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ICloudIdProvider, AzureAdCloudIdProvider>(
            static sp => new AzureAdCloudIdProvider(sp.GetRequiredService<IOptions<AkeylessAzureCloudIdOptions>>().Value, sp.GetService<ILogger<AzureAdCloudIdProvider>>())));
        return builder;
    }
}
