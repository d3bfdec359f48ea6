namespace Microsoft.Extensions.DependencyInjection.Internal;

/// <summary>The builder handed back by <c>AddAkeyless</c>.</summary>
internal sealed class AkeylessBuilder(IServiceCollection services, string name) : IAkeylessBuilder
{
    public IServiceCollection Services { get; } = services;

    public string Name { get; } = name;
}
