using Aspire.Hosting.ApplicationModel;
using AkeylessSharp.Aspire.Hosting.Internal;

namespace AkeylessSharp.Aspire.Hosting;

/// <summary>
/// An Akeyless account or Gateway in the app model; <c>RunAsEmulator()</c> turns it into a local emulator
/// hosted in the app host process. Referencing projects receive one connection string in the form
/// <c>ApiUrl=...;AccessId=...;AccessType=api_key;AccessKey=...</c>, which <see cref="AkeylessClientOptions.FromConnectionString(string)"/> reads.
/// </summary>
public class AkeylessResource : Resource, IResourceWithConnectionString
{
    private readonly ParameterResource? _apiUrl;
    private readonly ParameterResource? _accessId;
    private readonly ParameterResource? _accessKey;

    /// <summary>Creates a resource that connects with an access key whose values come from parameters.</summary>
    /// <param name="name">The resource name, which is also the connection name services use.</param>
    /// <param name="apiUrl">The API (or Gateway) URL, such as <c>https://api.akeyless.io</c>.</param>
    /// <param name="accessId">The access id of an <c>access_key</c> auth method.</param>
    /// <param name="accessKey">The access key; declare it with <c>secret: true</c>.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public AkeylessResource(string name, ParameterResource apiUrl, ParameterResource accessId, ParameterResource accessKey)
        : base(name)
    {
        _apiUrl = apiUrl ?? throw new ArgumentNullException(nameof(apiUrl));
        _accessId = accessId ?? throw new ArgumentNullException(nameof(accessId));
        _accessKey = accessKey ?? throw new ArgumentNullException(nameof(accessKey));
        EmulatorConnection = new EmulatorConnection(name);
    }

    /// <summary>Gets the parameter holding the API URL, or <see langword="null"/> when the resource runs as an emulator.</summary>
    public ParameterResource? ApiUrlParameter => IsEmulator ? null : _apiUrl;

    /// <summary>Gets the parameter holding the access id, or <see langword="null"/> when the resource runs as an emulator.</summary>
    public ParameterResource? AccessIdParameter => IsEmulator ? null : _accessId;

    /// <summary>Gets the parameter holding the access key, or <see langword="null"/> when the resource runs as an emulator.</summary>
    public ParameterResource? AccessKeyParameter => IsEmulator ? null : _accessKey;

    /// <summary>Gets whether the resource runs as a local emulator (<c>RunAsEmulator()</c>).</summary>
    public bool IsEmulator => this.TryGetLastAnnotation<EmulatorSettingsAnnotation>(out _);

    /// <summary>
    /// Gets the connection string: for an emulator it becomes known once the emulator has started; otherwise it is
    /// composed from the parameters.
    /// </summary>
    public ReferenceExpression ConnectionStringExpression => IsEmulator
        ? ReferenceExpression.Create($"{EmulatorConnection}")
        : ReferenceExpression.Create($"ApiUrl={new ConnectionStringValue(_apiUrl!)};AccessId={new ConnectionStringValue(_accessId!)};AccessType=api_key;AccessKey={new ConnectionStringValue(_accessKey!)}");

    /// <summary>The emulator's connection string, completed when it has started.</summary>
    internal EmulatorConnection EmulatorConnection { get; }

    /// <summary>Clients built from the connection string, for the health check and secret references.</summary>
    internal ResourceClients Clients { get; } = new();
}
