using AkeylessSharp.CloudId.Tests.Azure;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AkeylessSharp.CloudId.Tests.DependencyInjection;

/// <summary><c>AddAkeyless(...).AddCloudId()</c> registers one provider per cloud, configured by its options.</summary>
public sealed class AddCloudIdTests
{
    private static ServiceCollection Services() => new();

    [Fact]
    public void AddCloudId_Default_RegistersOneProviderPerCloud()
    {
        var services = Services();
        services.AddAkeyless(o => o.AccessId = "p-abcdefghijkl").AddCloudId();
        using var sp = services.BuildServiceProvider();

        var providers = sp.GetServices<ICloudIdProvider>().ToList();

        Assert.Equal([AkeylessAccessType.AwsIam, AkeylessAccessType.AzureAd, AkeylessAccessType.Gcp], providers.Select(p => p.AccessType));
        Assert.IsType<AwsIamCloudIdProvider>(providers[0]);
        Assert.IsType<AzureAdCloudIdProvider>(providers[1]);
        Assert.IsType<GcpCloudIdProvider>(providers[2]);
    }

    [Fact]
    public void AddCloudId_CalledForTwoClients_RegistersTheProvidersOnce()
    {
        var services = Services();
        services.AddAkeyless(o => o.AccessId = "p-abcdefghijkl").AddCloudId();
        services.AddAkeyless("other", o => o.AccessId = "p-abcdefghijkm").AddCloudId(o => o.AzureScope = "https://management.chinacloudapi.cn/.default");
        using var sp = services.BuildServiceProvider();

        Assert.Equal(3, sp.GetServices<ICloudIdProvider>().Count());
        Assert.Equal("https://management.chinacloudapi.cn/.default", sp.GetRequiredService<IOptions<AkeylessCloudIdOptions>>().Value.AzureScope);
    }

    [Fact]
    public void AddCloudId_ReturnsTheSameBuilder()
    {
        var builder = Services().AddAkeyless(o => o.AccessId = "p-abcdefghijkl");

        Assert.Same(builder, builder.AddCloudId());
    }

    [Fact]
    public void AddCloudId_NullBuilder_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => AkeylessCloudIdBuilderExtensions.AddCloudId(null!));
    }

    [Fact]
    public async Task AddCloudId_Configured_ProvidersUseTheOptionsAndTheRegisteredClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));
        var azure = new FakeTokenCredential("tenant", "object");
        var services = Services();
        services.AddSingleton<TimeProvider>(clock);
        services.AddAkeyless(o => o.AccessId = "p-abcdefghijkl").AddCloudId(o =>
        {
            o.AwsCredentials = new BasicAWSCredentials("AKIACONFIGUREDKEY001", "configured-secret");
            o.AzureCredential = azure;
        });
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
    public void AkeylessCloudIdOptions_ToString_NamesCredentialTypesOnly()
    {
        var options = new AkeylessCloudIdOptions { AwsCredentials = new BasicAWSCredentials("AKIACONFIGUREDKEY001", "configured-secret") };

        var text = options.ToString();

        Assert.Contains("BasicAWSCredentials", text, StringComparison.Ordinal);
        Assert.DoesNotContain("configured-secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIACONFIGUREDKEY001", text, StringComparison.Ordinal);
    }
}
