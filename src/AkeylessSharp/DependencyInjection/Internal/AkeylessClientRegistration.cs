namespace Microsoft.Extensions.DependencyInjection.Internal;

/// <summary>
/// Records that <c>AddAkeyless(name, ...)</c> registered a client under <see cref="Name"/>, with the HTTP client, resilience
/// handler and options validation it needs; the factory builds clients for these names only.
/// </summary>
/// <param name="Name">The client's name; empty for the default client.</param>
internal sealed record AkeylessClientRegistration(string Name);
