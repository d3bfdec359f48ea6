using AkeylessSharp.Configuration.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace AkeylessSharp.Configuration.Tests.Emulator;

/// <summary>A first load that fails leaves nothing running: the configuration builder drops the provider without disposing it.</summary>
public class EmulatorFailedFirstLoadTests
{
    [Fact]
    public async Task FirstLoadFails_TheClientTheProviderCreated_IsDisposed()
    {
        await using var fx = await EmulatorFixture.StartAsync([new("/app/A", "a")]);
        var builder = new ConfigurationBuilder();
        var options = new AkeylessConfigurationOptions { ClientOptions = fx.ClientOptions(accessKey: Convert.ToBase64String(new byte[32])) };
        options.BasePaths.Add("/app");
        var source = new AkeylessConfigurationSource(options);
        var provider = (AkeylessConfigurationProvider)source.Build(builder);

        Assert.ThrowsAny<AkeylessException>(provider.Load);

        await Assert.ThrowsAsync<ObjectDisposedException>(() => provider.Client.GetSecretAsync("/app/A").AsTask());
    }

    [Fact]
    public async Task FirstLoadFails_ASuppliedClient_IsLeftWorking()
    {
        await using var fx = await EmulatorFixture.StartAsync([new("/app/A", "a")]);
        using var client = new AkeylessClient(fx.ClientOptions());
        var builder = new ConfigurationBuilder().AddAkeyless(o => { o.Client = client; o.BasePaths.Add("/app"); });
        fx.Emulator.Faults.FailNext("list-items", 1, 403, retryAfter: null);

        Assert.ThrowsAny<AkeylessException>(() => builder.Build());

        Assert.Equal("a", await client.GetSecretAsync("/app/A"));
    }
}
