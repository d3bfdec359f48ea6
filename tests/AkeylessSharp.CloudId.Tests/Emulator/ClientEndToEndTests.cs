using AkeylessSharp.CloudId.Tests.Azure;
using AkeylessSharp.CloudId.Tests.Gcp;
using AkeylessSharp.CloudId.Tests.TestSupport;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AkeylessSharp.CloudId.Tests.Emulator;

/// <summary>
/// The whole path through the real client: <c>AddAkeyless(...).AddAwsCloudId()</c> (or Azure, Gcp) → provider → <c>/auth</c> on the emulator
/// → token → <c>get-secret-value</c>. Without it a cloud access type fails naming its package.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class ClientEndToEndTests
{
    [Fact]
    public async Task GetSecret_AwsIamFromEnvironment_ReadsTheSecret()
    {
        using var env = EnvironmentScope.EmptyAws().Set("AWS_ACCESS_KEY_ID", CloudIdEmulator.AwsKeyId).Set("AWS_SECRET_ACCESS_KEY", CloudIdEmulator.AwsSecret);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await CloudIdEmulator.StartAsync(clock);
        await using var sp = Client(emulator, AkeylessAccessType.AwsIam, CloudIdEmulator.AwsAccessId, clock, b => b.AddAwsCloudId());

        var value = await sp.GetRequiredService<IAkeylessClient>().GetSecretAsync(CloudIdEmulator.SecretPath);

        Assert.Equal(CloudIdEmulator.SecretValue, value);
    }

    [Fact]
    public async Task GetSecret_AwsIamWrongSecretKey_ThrowsUnauthorized()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await CloudIdEmulator.StartAsync(clock);
        await using var sp = Client(emulator, AkeylessAccessType.AwsIam, CloudIdEmulator.AwsAccessId, clock,
            b => b.AddAwsCloudId(o => o.AwsCredentials = new BasicAWSCredentials(CloudIdEmulator.AwsKeyId, "wrong/secret/key/00000000000000000000000")));

        var ex = await Assert.ThrowsAsync<AkeylessUnauthorizedException>(() => sp.GetRequiredService<IAkeylessClient>().GetSecretAsync(CloudIdEmulator.SecretPath).AsTask());

        Assert.DoesNotContain("wrong/secret/key", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSecret_AwsIamNoCredentials_ThrowsCloudIdException()
    {
        using var env = EnvironmentScope.EmptyAws();
        await using var emulator = await CloudIdEmulator.StartAsync();
        await using var sp = Client(emulator, AkeylessAccessType.AwsIam, CloudIdEmulator.AwsAccessId, null, b => b.AddAwsCloudId());

        var ex = await Assert.ThrowsAnyAsync<AkeylessException>(() => sp.GetRequiredService<IAkeylessClient>().GetSecretAsync(CloudIdEmulator.SecretPath).AsTask());

        var cloudId = Assert.IsType<AkeylessCloudIdException>(ex as AkeylessCloudIdException ?? ex.InnerException);
        Assert.Contains("AWS_ACCESS_KEY_ID", cloudId.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSecret_ProviderPassedToTheConstructor_ReadsTheSecret()
    {
        await using var emulator = await CloudIdEmulator.StartAsync();
        using var provider = new AwsIamCloudIdProvider(new AkeylessAwsCloudIdOptions { AwsCredentials = new BasicAWSCredentials(CloudIdEmulator.AwsKeyId, CloudIdEmulator.AwsSecret) });
        using var client = new AkeylessClient(
            new AkeylessClientOptions { ApiUrl = emulator.BaseUrl.ToString(), AccessType = AkeylessAccessType.AwsIam, AccessId = CloudIdEmulator.AwsAccessId, MaxRetries = 0 },
            cloudIdProviders: [provider]);

        Assert.Equal(CloudIdEmulator.SecretValue, await client.GetSecretAsync(CloudIdEmulator.SecretPath));
    }

    [Fact]
    public async Task GetSecret_AzureAdFakeCredential_ReadsTheSecret()
    {
        await using var emulator = await CloudIdEmulator.StartAsync();
        await using var sp = Client(emulator, AkeylessAccessType.AzureAd, CloudIdEmulator.AzureAccessId, null,
            b => b.AddAzureCloudId(o => o.AzureCredential = new FakeTokenCredential(CloudIdEmulator.TenantId, CloudIdEmulator.ObjectId)));

        Assert.Equal(CloudIdEmulator.SecretValue, await sp.GetRequiredService<IAkeylessClient>().GetSecretAsync(CloudIdEmulator.SecretPath));
    }

    [Fact]
    public async Task GetSecret_GcpServiceAccountKey_ReadsTheSecret()
    {
        await using var emulator = await CloudIdEmulator.StartAsync();
        var google = new FakeGoogleTokenEndpoint(CloudIdEmulator.ServiceAccount);
        await using var sp = Client(emulator, AkeylessAccessType.Gcp, CloudIdEmulator.GcpAccessId, null,
            b => b.AddGcpCloudId(o => o.GoogleCredential = google.Credential()));

        Assert.Equal(CloudIdEmulator.SecretValue, await sp.GetRequiredService<IAkeylessClient>().GetSecretAsync(CloudIdEmulator.SecretPath));
        Assert.Equal(["akeyless.io"], google.Audiences);
    }

    [Theory]
    [InlineData(" akeyless.io ")]
    [InlineData("akeyless.io\n")]
    public async Task GetSecret_GcpAudienceWithSurroundingWhiteSpace_SendsTheAudienceTheTokenIsFor(string audience)
    {
        // The provider asks Google for the trimmed audience; Akeyless compares the token's aud with the gcp-audience sent.
        await using var emulator = await CloudIdEmulator.StartAsync();
        var google = new FakeGoogleTokenEndpoint(CloudIdEmulator.ServiceAccount);
        var provider = new GcpCloudIdProvider(new AkeylessGcpCloudIdOptions { GoogleCredential = google.Credential() });
        using var client = new AkeylessClient(
            new AkeylessClientOptions { ApiUrl = emulator.BaseUrl.ToString(), AccessType = AkeylessAccessType.Gcp, AccessId = CloudIdEmulator.GcpAccessId, GcpAudience = audience, MaxRetries = 0 },
            cloudIdProviders: [provider]);

        Assert.Equal(CloudIdEmulator.SecretValue, await client.GetSecretAsync(CloudIdEmulator.SecretPath));
        Assert.Equal(["akeyless.io"], google.Audiences);
    }

    [Theory]
    [InlineData(AkeylessAccessType.AwsIam, CloudIdEmulator.AwsAccessId, "AkeylessSharp.CloudId.Aws", ".AddAwsCloudId()")]
    [InlineData(AkeylessAccessType.AzureAd, CloudIdEmulator.AzureAccessId, "AkeylessSharp.CloudId.Azure", ".AddAzureCloudId()")]
    [InlineData(AkeylessAccessType.Gcp, CloudIdEmulator.GcpAccessId, "AkeylessSharp.CloudId.Gcp", ".AddGcpCloudId()")]
    public async Task GetSecret_OtherCloudsProviderOnly_ThrowsNamingThisCloudsPackage(AkeylessAccessType accessType, string accessId, string package, string method)
    {
        await using var emulator = await CloudIdEmulator.StartAsync();
        Action<IAkeylessBuilder> otherCloud = accessType == AkeylessAccessType.AwsIam ? b => b.AddGcpCloudId() : b => b.AddAwsCloudId();
        await using var sp = Client(emulator, accessType, accessId, null, otherCloud);

        var ex = await Assert.ThrowsAnyAsync<AkeylessException>(() => sp.GetRequiredService<IAkeylessClient>().GetSecretAsync(CloudIdEmulator.SecretPath).AsTask());

        var missing = Assert.IsType<AkeylessCloudIdPackageMissingException>(ex as AkeylessCloudIdPackageMissingException ?? ex.InnerException);
        Assert.Contains($"the {package} package", missing.Message, StringComparison.Ordinal);
        Assert.Contains(method, missing.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Client(AkeylessSharp.Emulator.AkeylessEmulator emulator, AkeylessAccessType accessType, string accessId, TimeProvider? clock, Action<IAkeylessBuilder> cloudId)
    {
        var services = new ServiceCollection();
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        cloudId(services.AddAkeyless(o =>
        {
            o.ApiUrl = emulator.BaseUrl.ToString();
            o.AccessType = accessType;
            o.AccessId = accessId;
            o.MaxRetries = 0;
        }));
        return services.BuildServiceProvider();
    }
}
