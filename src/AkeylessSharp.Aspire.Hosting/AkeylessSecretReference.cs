using Aspire.Hosting.ApplicationModel;

namespace AkeylessSharp.Aspire.Hosting;

/// <summary>
/// One secret of an <see cref="AkeylessResource"/>, read by the app host through AkeylessSharp when a resource that
/// receives it starts: <c>.WithEnvironment("DB_PASSWORD", akeyless.GetSecret("/prod/db/password"))</c>. The receiving
/// service needs no Akeyless library; it sees a plain environment variable.
/// </summary>
public sealed class AkeylessSecretReference : IValueProvider, IManifestExpressionProvider, IValueWithReferences
{
    internal AkeylessSecretReference(AkeylessResource resource, string path)
    {
        Resource = resource;
        Path = path;
    }

    /// <summary>Gets the resource the secret is read from.</summary>
    public AkeylessResource Resource { get; }

    /// <summary>Gets the secret's path, such as <c>/prod/db/password</c>.</summary>
    public string Path { get; }

    /// <summary>Gets the manifest expression, <c>{resource.secrets./path}</c>.</summary>
    public string ValueExpression => $"{{{Resource.Name}.secrets.{Path}}}";

    /// <summary>Gets the resource this value depends on.</summary>
    public IEnumerable<object> References => [Resource];

    /// <summary>Reads the secret's current value through the resource's connection.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The value.</returns>
    /// <exception cref="AkeylessException">The secret does not exist, access is denied, or the service failed; the message names the path.</exception>
    public async ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default)
    {
        var client = await Resource.Clients.GetAsync(Resource, cancellationToken).ConfigureAwait(false);
        return await client.GetSecretAsync(Path, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Describes the reference without its value.</summary>
    /// <returns>The resource name and path.</returns>
    public override string ToString() => $"Akeyless secret {Path} of '{Resource.Name}'";
}
