using AkeylessSharp.CloudId.Tests.Azure;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AkeylessSharp.CloudId.Tests.DependencyInjection;

/// <summary><c>AddAwsCloudId()</c>, <c>AddAzureCloudId()</c>, <c>AddGcpCloudId()</c>: one provider per call, configured by its own options.</summary>
public sealed class AddCloudIdTests
{
    private static ServiceCollection Services() => new();

    [Fact]
    public void AddEachCloud_RegistersOneProviderPerCloudInCallOrder()
    {
        var services = Services();
        services.AddAkeyless(o => o.AccessId = "p-abcdefghijkl").AddAwsCloudId().AddAzureCloudId().AddGcpCloudId();
        using var sp = services.BuildServiceProvider();

        var providers = sp.GetServices<ICloudIdProvider>().ToList();

        Assert.Equal([AkeylessAccessType.AwsIam, AkeylessAccessType.AzureAd, AkeylessAccessType.Gcp], providers.Select(p => p.AccessType));
        Assert.IsType<AwsIamCloudIdProvider>(providers[0]);
        Assert.IsType<AzureAdCloudIdProvider>(providers[1]);
        Assert.IsType<GcpCloudIdProvider>(providers[2]);
    }

    [Fact]
    public void AddAwsCloudId_Only_RegistersNoOtherCloud()
    {
        var services = Services();
        services.AddAkeyless(o => o.AccessId = "p-abcdefghijkl").AddAwsCloudId();
        using var sp = services.BuildServiceProvider();

        Assert.Equal([AkeylessAccessType.AwsIam], sp.GetServices<ICloudIdProvider>().Select(p => p.AccessType));
    }

    [Fact]
    public void AddAzureCloudId_CalledForTwoClients_RegistersTheProviderOnceAndKeepsBothConfigurations()
    {
        var services = Services();
        services.AddAkeyless(o => o.AccessId = "p-abcdefghijkl").AddAzureCloudId();
        services.AddAkeyless("other", o => o.AccessId = "p-abcdefghijkm").AddAzureCloudId(o => o.AzureScope = "https://management.chinacloudapi.cn/.default");
        using var sp = services.BuildServiceProvider();

        Assert.Single(sp.GetServices<ICloudIdProvider>());
        Assert.Equal("https://management.chinacloudapi.cn/.default", sp.GetRequiredService<IOptions<AkeylessAzureCloudIdOptions>>().Value.AzureScope);
    }

    [Fact]
    public void AddCloudId_ReturnsTheSameBuilder()
    {
        var builder = Services().AddAkeyless(o => o.AccessId = "p-abcdefghijkl");

        Assert.Same(builder, builder.AddAwsCloudId());
        Assert.Same(builder, builder.AddAzureCloudId());
        Assert.Same(builder, builder.AddGcpCloudId());
    }

    [Fact]
    public void AddCloudId_NullBuilder_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => AkeylessAwsCloudIdBuilderExtensions.AddAwsCloudId(null!));
        Assert.Throws<ArgumentNullException>(() => AkeylessAzureCloudIdBuilderExtensions.AddAzureCloudId(null!));
        Assert.Throws<ArgumentNullException>(() => AkeylessGcpCloudIdBuilderExtensions.AddGcpCloudId(null!));
    }

    [Fact]
    public async Task AddCloudId_Configured_ProvidersUseTheOptionsAndTheRegisteredClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));
        var azure = new FakeTokenCredential("tenant", "object");
        var services = Services();
        services.AddSingleton<TimeProvider>(clock);
        services.AddAkeyless(o => o.AccessId = "p-abcdefghijkl")
            .AddAwsCloudId(o => o.AwsCredentials = new BasicAWSCredentials("AKIACONFIGUREDKEY001", "configured-secret"))
            .AddAzureCloudId(o => o.AzureCredential = azure);
        using var sp = services.BuildServiceProvider();
        var providers = sp.GetServices<ICloudIdProvider>().ToDictionary(p => p.AccessType);
        var options = new AkeylessClientOptions();

        var aws = TestSupport.DecodedAwsCloudId.Decode(await providers[AkeylessAccessType.AwsIam].GetCloudIdAsync(options, CancellationToken.None));
        await providers[AkeylessAccessType.AzureAd].GetCloudIdAsync(options, CancellationToken.None);

        Assert.Equal("AKIACONFIGUREDKEY001", aws.Authorization.AccessKeyId);
        Assert.Equal("20260304T050607Z", aws.Header("X-Amz-Date"));
        Assert.Single(azure.RequestedScopes);
    }

    [Fact]
    public void CloudIdOptions_ToString_NamesCredentialTypesOnly()
    {
        var options = new AkeylessAwsCloudIdOptions { AwsCredentials = new BasicAWSCredentials("AKIACONFIGUREDKEY001", "configured-secret") };

        var text = options.ToString();

        Assert.Contains("BasicAWSCredentials", text, StringComparison.Ordinal);
        Assert.DoesNotContain("configured-secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIACONFIGUREDKEY001", text, StringComparison.Ordinal);
        Assert.Contains("(default)", new AkeylessAzureCloudIdOptions().ToString(), StringComparison.Ordinal);
        Assert.Contains("(default)", new AkeylessGcpCloudIdOptions().ToString(), StringComparison.Ordinal);
    }
}
