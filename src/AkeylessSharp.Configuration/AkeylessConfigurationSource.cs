using AkeylessSharp.Configuration.Internal;
using Microsoft.Extensions.Configuration;

namespace AkeylessSharp.Configuration;

/// <summary>
/// The configuration source behind <c>AddAkeyless</c>. Add it through the extension methods; construct it directly only
/// to add it at a chosen position of <see cref="IConfigurationBuilder.Sources"/>.
/// </summary>
public sealed class AkeylessConfigurationSource : IConfigurationSource
{
    /// <summary>Creates a source.</summary>
    /// <param name="options">The settings; validated when the provider is built.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public AkeylessConfigurationSource(AkeylessConfigurationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    /// <summary>The settings of this source: each provider built from it takes a copy, so later changes reach only providers built after them.</summary>
    public AkeylessConfigurationOptions Options { get; }

    /// <summary>Instruments of a test's own, so its measurements are not mixed with other tests' providers; <see langword="null"/> means the shared ones.</summary>
    internal ConfigurationMetrics? Metrics { get; set; }

    /// <summary>Builds the provider; the first load happens when the configuration is built.</summary>
    /// <param name="builder">The builder; the sources before this one are scanned for secret references.</param>
    /// <returns>An <see cref="AkeylessConfigurationProvider"/>.</returns>
    /// <exception cref="AkeylessConfigurationException">The options are inconsistent; the message names the field.</exception>
    public IConfigurationProvider Build(IConfigurationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = Options.Snapshot();
        OptionsValidator.Validate(options);
        options.LeavesMissingReferencesToAnEarlierSource = options.ResolveSecretReferences && EarlierSourceResolvesReferences(builder);
        var (client, ownsClient) = ClientFactory.Create(options);
        var (referenceProviders, referenceSources) = ReferenceProviders(builder, options);
        // A configuration manager rebuilds its providers when its sources change: its own token tells when.
        var configurationReloadToken = referenceProviders is not null && builder is IConfigurationRoot root ? root.GetReloadToken : (Func<Microsoft.Extensions.Primitives.IChangeToken>?)null;
        return new AkeylessConfigurationProvider(options, client, ownsClient, referenceProviders, referenceSources, configurationReloadToken, Metrics ?? ConfigurationMetrics.Shared);
    }

    /// <summary>
    /// Whether an Akeyless source added before this one resolves references (a second account, or other base paths).
    /// Read from the sources, not the providers: a configuration manager rebuilding its providers still lists the old ones, this source's own among them.
    /// </summary>
    private bool EarlierSourceResolvesReferences(IConfigurationBuilder builder) =>
        builder.Sources.TakeWhile(s => !ReferenceEquals(s, this)).OfType<AkeylessConfigurationSource>().Any(s => s.Options.ResolveSecretReferences);

    private (Func<AkeylessConfigurationProvider, IEnumerable<IConfigurationProvider>>? Providers, PrecedingSources? Owned) ReferenceProviders(IConfigurationBuilder builder, AkeylessConfigurationOptions options)
    {
        if (!options.ResolveSecretReferences)
        {
            return (null, null);
        }

        // ConfigurationManager (WebApplicationBuilder.Configuration) is a builder and a root: read its live providers.
        if (builder is IConfigurationRoot root)
        {
            return (self => root.Providers.Where(p => !ReferenceEquals(p, self) && p is not AkeylessConfigurationProvider), null);
        }

        // A plain ConfigurationBuilder has no providers yet: read the sources added before this one, other Akeyless
        // sources excluded so no second client is created.
        var preceding = builder.Sources.TakeWhile(s => !ReferenceEquals(s, this)).Where(s => s is not AkeylessConfigurationSource).ToList();
        if (preceding.Count == 0)
        {
            return (null, null);
        }

        var owned = new PrecedingSources(preceding);
        return (_ => owned.Providers, owned);
    }
}
