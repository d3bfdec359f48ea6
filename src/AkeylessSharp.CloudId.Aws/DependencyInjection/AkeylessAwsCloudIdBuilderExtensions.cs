using AkeylessSharp.Auth;
using AkeylessSharp.CloudId;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the <c>aws_iam</c> cloud-id provider to an Akeyless client registration.</summary>
public static class AkeylessAwsCloudIdBuilderExtensions
{
    /// <summary>Registers <see cref="AwsIamCloudIdProvider"/>, which finds credentials the AWS SDK's default way, so clients configured with <c>aws_iam</c> can authenticate.</summary>
    /// <param name="builder">The builder returned by <c>AddAkeyless</c>.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IAkeylessBuilder AddAwsCloudId(this IAkeylessBuilder builder) => builder.AddAwsCloudId(configure: null);

    /// <summary>Registers <see cref="AwsIamCloudIdProvider"/> and configures where it gets credentials.</summary>
    /// <param name="builder">The builder returned by <c>AddAkeyless</c>.</param>
    /// <param name="configure">Sets the credentials; <see langword="null"/> keeps the defaults.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <remarks>
    /// The provider and its <see cref="AkeylessAwsCloudIdOptions"/> are shared by every Akeyless client in the container
    /// (named ones included); calling this again only adds configuration. A provider registered earlier for the same
    /// access type takes precedence, so a custom <see cref="ICloudIdProvider"/> can replace this one.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IAkeylessBuilder AddAwsCloudId(this IAkeylessBuilder builder, Action<AkeylessAwsCloudIdOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<AkeylessAwsCloudIdOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ICloudIdProvider, AwsIamCloudIdProvider>(
            static sp => new AwsIamCloudIdProvider(sp.GetRequiredService<IOptions<AkeylessAwsCloudIdOptions>>().Value, sp.GetService<TimeProvider>(), sp.GetService<ILogger<AwsIamCloudIdProvider>>())));
        return builder;
    }
}
