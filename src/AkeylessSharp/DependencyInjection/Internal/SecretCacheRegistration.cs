namespace Microsoft.Extensions.DependencyInjection.Internal;

/// <summary>
/// Records one cache call (<c>AddMemoryCache</c>, <c>AddRedisCache</c>, ...) on the client named <see cref="Name"/>: of
/// several, the store of the last one is built, as a later registration replaces an earlier one elsewhere in DI.
/// </summary>
/// <param name="Name">The client's name; empty for the default client.</param>
internal sealed class SecretCacheRegistration(string Name)
{
    public string Name { get; } = Name;

    /// <summary>Whether this is the last cache call on its client among <paramref name="registrations"/>.</summary>
    public bool IsLast(IEnumerable<SecretCacheRegistration> registrations) =>
        ReferenceEquals(registrations.LastOrDefault(r => r.Name == Name), this);
}
