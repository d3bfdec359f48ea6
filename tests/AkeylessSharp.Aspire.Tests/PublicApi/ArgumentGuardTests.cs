using System.Reflection;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using AkeylessSharp.Aspire.Hosting;
using AkeylessSharp.Tests.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace AkeylessSharp.Aspire.Tests.PublicApi;

/// <summary>
/// Every public constructor and method of AkeylessSharp.Aspire and AkeylessSharp.Aspire.Hosting answers a null for a
/// non-nullable parameter with an <see cref="ArgumentNullException"/> naming it, and a blank string with nothing worse
/// than a typed error. Nothing is started: the app model is only built.
/// </summary>
public sealed class ArgumentGuardTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> s_skipped = new(StringComparer.Ordinal);

    public static TheoryData<string> Packages => new() { "AkeylessSharp.Aspire", "AkeylessSharp.Aspire.Hosting" };

    [Theory]
    [MemberData(nameof(Packages))]
    public async Task EveryPublicMember_NullOrBlankArgument_FailsTyped(string package)
    {
        var report = await new ArgumentGuard(ValueFor).RunAsync(Assembly.Load(package));

        output.WriteLine(report.Summary());
        report.AssertClean(s_skipped);
        Assert.True(report.Covered.Count >= 2, $"only {report.Covered.Count} members covered");
    }

    private static object? ValueFor(Type type, string? name) => type switch
    {
        _ when type == typeof(string) && name == "json" => "{}",
        _ when type == typeof(string) => "akeyless",
        _ when type == typeof(IHostApplicationBuilder) => Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings()),
        _ when type == typeof(IConfigurationManager) => new ConfigurationManager(),
        _ when type == typeof(IDistributedApplicationBuilder) => DistributedApplication.CreateBuilder(),
        _ when type == typeof(ParameterResource) => DistributedApplication.CreateBuilder().AddParameter("p").Resource,
        _ when type == typeof(IResourceBuilder<AkeylessResource>) => DistributedApplication.CreateBuilder().AddAkeyless("akeyless"),
        _ when type == typeof(AkeylessResource) => DistributedApplication.CreateBuilder().AddAkeyless("akeyless").Resource,
        _ when type == typeof(IResourceBuilder<AkeylessEmulatorResource>) => Emulator(),
        _ => null,
    };

    private static IResourceBuilder<AkeylessEmulatorResource> Emulator()
    {
        IResourceBuilder<AkeylessEmulatorResource>? emulator = null;
        DistributedApplication.CreateBuilder().AddAkeyless("akeyless").RunAsEmulator(e => emulator = e);
        return emulator!;
    }
}
