using Microsoft.Extensions.Configuration;

namespace AkeylessSharp.Configuration.Internal;

/// <summary>
/// The sources added before an Akeyless source on a plain <see cref="ConfigurationBuilder"/>, which has no providers to
/// read yet: built once, on first use, and kept so that a file source with reloadOnChange keeps its values current and
/// signals its edits to the provider watching for references.
/// </summary>
internal sealed class PrecedingSources(IReadOnlyList<IConfigurationSource> sources) : IDisposable
{
    private IConfigurationRoot? _root;

    public IEnumerable<IConfigurationProvider> Providers => (_root ??= Build()).Providers;

    /// <summary>Reloads the copies when the application reloads its configuration (a file source without reloadOnChange re-reads only then).</summary>
    public void Reload() => _root?.Reload();

    public void Dispose() => (_root as IDisposable)?.Dispose();

    private IConfigurationRoot Build()
    {
        var builder = new ConfigurationBuilder();
        foreach (var source in sources)
        {
            builder.Add(source);
        }

        return builder.Build();
    }
}
