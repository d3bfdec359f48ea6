using AkeylessSharp;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Gets the named clients registered with <c>AddAkeyless(name, ...)</c>, for applications that use several Akeyless accounts.</summary>
public interface IAkeylessClientFactory
{
    /// <summary>Gets the client registered under <paramref name="name"/>; the same instance every time.</summary>
    /// <param name="name">The name given to <c>AddAkeyless</c>; empty for the default client.</param>
    /// <returns>The client.</returns>
    /// <exception cref="AkeylessConfigurationException">No client was registered under <paramref name="name"/> with <c>AddAkeyless</c> (the message
    /// lists those that were), or its options are invalid (the message names each invalid option; the validation failure is the inner exception).</exception>
    IAkeylessClient CreateClient(string name);
}
