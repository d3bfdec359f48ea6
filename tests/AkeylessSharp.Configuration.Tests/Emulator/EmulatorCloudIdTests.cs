using AkeylessSharp.Auth;
using AkeylessSharp.Configuration.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace AkeylessSharp.Configuration.Tests.Emulator;

public class EmulatorCloudIdTests
{
    [Fact]
    public async Task Build_AwsIamWithCloudIdProviders_AsksTheProviderAndReportsTheServiceVerdict()
    {
        await using var fx = await EmulatorFixture.StartAsync([new("/app/A", "a")]);
        var provider = new RecordingCloudIdProvider();
        var clientOptions = fx.ClientOptions();
        clientOptions.AccessType = AkeylessAccessType.AwsIam;
        clientOptions.AccessKey = null;
        var builder = new ConfigurationBuilder().AddAkeyless(o =>
        {
            o.ClientOptions = clientOptions;
            o.CloudIdProviders = [provider];
            o.BasePaths.Add("/app");
        });

        var ex = Assert.ThrowsAny<AkeylessException>(() => builder.Build());

        Assert.IsNotType<AkeylessCloudIdPackageMissingException>(ex);
        Assert.Equal(1, provider.Calls);
    }

    [Fact]
    public async Task Build_AwsIamWithoutCloudIdProviders_NamesThePackage()
    {
        await using var fx = await EmulatorFixture.StartAsync([new("/app/A", "a")]);
        var clientOptions = fx.ClientOptions();
        clientOptions.AccessType = AkeylessAccessType.AwsIam;
        var builder = new ConfigurationBuilder().AddAkeyless(o => { o.ClientOptions = clientOptions; o.BasePaths.Add("/app"); });

        var ex = Assert.Throws<AkeylessCloudIdPackageMissingException>(() => builder.Build());

        Assert.Contains("AkeylessSharp.CloudId", ex.Message, StringComparison.Ordinal);
    }

    private sealed class RecordingCloudIdProvider : ICloudIdProvider
    {
        public int Calls { get; private set; }

        public AkeylessAccessType AccessType => AkeylessAccessType.AwsIam;

        public ValueTask<string> GetCloudIdAsync(AkeylessClientOptions options, CancellationToken cancellationToken)
        {
            Calls++;
            return ValueTask.FromResult(Convert.ToBase64String("{\"sts_request_method\":\"POST\"}"u8));
        }
    }
}
