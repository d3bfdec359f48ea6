using Aspire.Hosting.ApplicationModel;

namespace AkeylessSharp.Aspire.Hosting;

/// <summary>
/// The view of an <see cref="AkeylessResource"/> running as an emulator, handed to the <c>RunAsEmulator</c> callback so
/// emulator-only settings (<c>WithSeed</c>, <c>WithDataFile</c>, <c>WithHttpPort</c>) apply to it. It shares the
/// annotations of the resource it wraps; it is not a separate resource in the model.
/// </summary>
/// <param name="innerResource">The resource that runs as an emulator.</param>
public class AkeylessEmulatorResource(AkeylessResource innerResource) : Resource(innerResource?.Name ?? throw new ArgumentNullException(nameof(innerResource)))
{
    /// <summary>Gets the resource that runs as an emulator.</summary>
    public AkeylessResource InnerResource { get; } = innerResource;

    /// <inheritdoc/>
    public override ResourceAnnotationCollection Annotations => InnerResource.Annotations;
}
