using AkeylessSharp.Auth;
using AkeylessSharp.CloudId;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the <c>aws_iam</c>, <c>azure_ad</c> and <c>gcp</c> cloud-id providers to an Akeyless client registration.</summary>
public static class AkeylessCloudIdBuilderExtensions
{
    /// <summary>
    /// Registers one <see cref="ICloudIdProvider"/> per cloud (AWS IAM, Azure AD, GCP), each finding credentials the
    /// cloud SDK's default way, so clients configured with those access types can authenticate.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddAkeyless</c>.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IAkeylessBuilder AddCloudId(this IAkeylessBuilder builder) => builder.AddCloudId(configure: null);

    /// <summary>
    /// Registers one <see cref="ICloudIdProvider"/> per cloud (AWS IAM, Azure AD, GCP) and configures where they get
    /// credentials, for example explicit <see cref="AkeylessCloudIdOptions.AwsCredentials"/>.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddAkeyless</c>.</param>
    /// <param name="configure">Sets the credentials; <see langword="null"/> keeps the defaults.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <remarks>
    /// The providers and their <see cref="AkeylessCloudIdOptions"/> are shared by every Akeyless client in the container
    /// (named ones included); calling this again only adds configuration. A provider registered earlier for the same
    /// access type takes precedence, so a custom <see cref="ICloudIdProvider"/> can replace one cloud.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IAkeylessBuilder AddCloudId(this IAkeylessBuilder builder, Action<AkeylessCloudIdOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<AkeylessCloudIdOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ICloudIdProvider, AwsIamCloudIdProvider>(
            static sp => new AwsIamCloudIdProvider(GetOptions(sp), sp.GetService<TimeProvider>(), GetLogger<AwsIamCloudIdProvider>(sp))));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ICloudIdProvider, AzureAdCloudIdProvider>(
            static sp => new AzureAdCloudIdProvider(GetOptions(sp), GetLogger<AzureAdCloudIdProvider>(sp))));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ICloudIdProvider, GcpCloudIdProvider>(
            static sp => new GcpCloudIdProvider(GetOptions(sp), GetLogger<GcpCloudIdProvider>(sp))));
        return builder;
    }

    private static AkeylessCloudIdOptions GetOptions(IServiceProvider services) =>
        services.GetRequiredService<IOptions<AkeylessCloudIdOptions>>().Value;

    private static ILogger? GetLogger<T>(IServiceProvider services) => services.GetService<ILogger<T>>();
}
