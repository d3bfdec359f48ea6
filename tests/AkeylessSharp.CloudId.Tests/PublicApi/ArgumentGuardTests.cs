using System.Reflection;
using AkeylessSharp.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AkeylessSharp.CloudId.Tests.PublicApi;

/// <summary>
/// Every public constructor and method of the three cloud-identity packages answers a null for a non-nullable parameter
/// with an <see cref="ArgumentNullException"/> naming it. No call reaches a cloud: the arguments fail first, and the
/// <see cref="TestSupport.OfflineGuard"/> points every metadata service at a closed loopback port regardless.
/// </summary>
public sealed class ArgumentGuardTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> s_skipped = new(StringComparer.Ordinal);

    public static TheoryData<string> Packages => new() { "AkeylessSharp.CloudId.Aws", "AkeylessSharp.CloudId.Azure", "AkeylessSharp.CloudId.Gcp" };

    [Theory]
    [MemberData(nameof(Packages))]
    public async Task EveryPublicMember_NullArgument_ThrowsArgumentNull(string package)
    {
        var created = new List<object>();
        var report = await new ArgumentGuard((type, _) => Track(created, ValueFor(type))).RunAsync(Assembly.Load(package));
        foreach (var disposable in created.OfType<IDisposable>())
        {
            disposable.Dispose();
        }

        output.WriteLine(report.Summary());
        report.AssertClean(s_skipped);
        Assert.True(report.Covered.Count >= 3, $"only {report.Covered.Count} members covered");
    }

    private static object? Track(List<object> created, object? value)
    {
        if (value is not null)
        {
            created.Add(value);
        }

        return value;
    }

    private static object? ValueFor(Type type) => type switch
    {
        _ when type == typeof(AkeylessClientOptions) => new AkeylessClientOptions { ApiUrl = "http://127.0.0.1:9" },
        _ when type == typeof(IAkeylessBuilder) => new ServiceCollection().AddAkeyless(o => o.ApiUrl = "http://127.0.0.1:9"),
        _ when type == typeof(AwsIamCloudIdProvider) => new AwsIamCloudIdProvider(),
        _ when type == typeof(AzureAdCloudIdProvider) => new AzureAdCloudIdProvider(),
        _ when type == typeof(GcpCloudIdProvider) => new GcpCloudIdProvider(),
        _ => null,
    };
}
