using Aspire.Hosting.ApplicationModel;

namespace AkeylessSharp.Aspire.Hosting.Internal;

/// <summary>The parameters <c>AddAkeyless</c> created itself, which <c>RunAsEmulator</c> removes from the model as unused.</summary>
internal sealed class DefaultParametersAnnotation(IReadOnlyList<ParameterResource> parameters) : IResourceAnnotation
{
    public IReadOnlyList<ParameterResource> Parameters { get; } = parameters;
}
