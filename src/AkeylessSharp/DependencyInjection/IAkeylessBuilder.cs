namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Returned by <c>AddAkeyless</c> so extensions (such as AkeylessSharp.CloudId.Aws's <c>AddAwsCloudId()</c>) can add to one client registration.
/// </summary>
public interface IAkeylessBuilder
{
    /// <summary>The service collection the client is registered in.</summary>
    IServiceCollection Services { get; }

    /// <summary>The client name: <see cref="Microsoft.Extensions.Options.Options.DefaultName"/> (empty) for the default client.</summary>
    string Name { get; }
}
