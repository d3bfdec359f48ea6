using System.Runtime.CompilerServices;

namespace AkeylessSharp.CloudId.Tests.TestSupport;

/// <summary>
/// Points every cloud metadata service the SDKs know of at a closed loopback port before any test runs, so no test can
/// reach 169.254.169.254 even by mistake: AWS IMDS is disabled outright, Google's and Azure's metadata hosts are redirected.
/// </summary>
internal static class OfflineGuard
{
    public const string ClosedLoopback = "http://127.0.0.1:9";

    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries", Justification = "Test assembly: the guard must run before any test.")]
    internal static void Initialize()
    {
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_SERVICE_ENDPOINT", ClosedLoopback);
        Environment.SetEnvironmentVariable("GCE_METADATA_HOST", "127.0.0.1:9");
        Environment.SetEnvironmentVariable("GCE_METADATA_IP", "127.0.0.1:9");
        Environment.SetEnvironmentVariable("AZURE_POD_IDENTITY_AUTHORITY_HOST", ClosedLoopback);
    }
}
