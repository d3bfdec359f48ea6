namespace Microsoft.Extensions.DependencyInjection.Internal;

/// <summary>
/// Records that <c>AddAkeyless(name, ...)</c> registered a client under <see cref="Name"/>, with the HTTP client, resilience
/// handler and options validation it needs; the factory builds clients for these names only.
/// </summary>
/// <param name="Name">The client's name; empty for the default client.</param>
internal sealed record AkeylessClientRegistration(string Name)
{
    /// <summary>Whether <paramref name="services"/> already holds the registration of the client named <paramref name="name"/>.</summary>
    public static bool IsIn(IServiceCollection services, string name) =>
        services.Any(d => d.ServiceType == typeof(AkeylessClientRegistration) && d.ImplementationInstance is AkeylessClientRegistration r && r.Name == name);
}
