using System.Diagnostics;
using AkeylessSharp.CloudId.Tests.TestSupport;

namespace AkeylessSharp.CloudId.Tests.Emulator;

/// <summary>
/// A cloud credential source that accepts the connection and never answers, behind the real client: the call ends
/// within the client's <see cref="AkeylessClientOptions.Timeout"/> as a typed <see cref="AkeylessException"/>, and the
/// caller's own cancellation stays an <see cref="OperationCanceledException"/>.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class StuckCloudSourceTests
{
    [Fact]
    public async Task GetSecret_AwsContainerEndpointNeverAnswers_TimesOutTypedWithinTheClientTimeout()
    {
        using var stuck = new ScriptedHttpServer(_ => ScriptedResponse.Never);
        using var env = EnvironmentScope.EmptyAws().Set("AWS_CONTAINER_CREDENTIALS_FULL_URI", $"http://{stuck.Host}/v2/credentials");
        await using var emulator = await CloudIdEmulator.StartAsync();
        using var provider = new AwsIamCloudIdProvider();
        using var client = Client(emulator, AkeylessAccessType.AwsIam, CloudIdEmulator.AwsAccessId, provider);
        var watch = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAnyAsync<AkeylessException>(() => client.GetSecretAsync(CloudIdEmulator.SecretPath).AsTask());

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
        Assert.IsType<AkeylessTimeoutException>(ex);
        Assert.Contains("authentication (aws_iam) was still under way", ex.Message, StringComparison.Ordinal);
        Assert.Contains("container credentials endpoint", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSecret_GcpMetadataServerNeverAnswers_TimesOutTypedWithinTheClientTimeout()
    {
        using var stuck = new ScriptedHttpServer(_ => ScriptedResponse.Never);
        await using var emulator = await CloudIdEmulator.StartAsync();
        var provider = new GcpCloudIdProvider(null, null, _ => throw new InvalidOperationException("not under Native AOT"), dynamicCodeSupported: false,
            environment: name => name == "GCE_METADATA_HOST" ? stuck.Host : null);
        using var client = Client(emulator, AkeylessAccessType.Gcp, CloudIdEmulator.GcpAccessId, provider);
        var watch = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAnyAsync<AkeylessException>(() => client.GetSecretAsync(CloudIdEmulator.SecretPath).AsTask());

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
        Assert.IsType<AkeylessTimeoutException>(ex);
        Assert.Contains("authentication (gcp) was still under way", ex.Message, StringComparison.Ordinal);
        Assert.Contains("GCE_METADATA_HOST", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSecret_SourceNeverAnswers_CallerCancels_ThrowsOperationCanceled()
    {
        using var stuck = new ScriptedHttpServer(_ => ScriptedResponse.Never);
        await using var emulator = await CloudIdEmulator.StartAsync();
        var provider = new GcpCloudIdProvider(null, null, _ => throw new InvalidOperationException("not under Native AOT"), dynamicCodeSupported: false,
            environment: name => name == "GCE_METADATA_HOST" ? stuck.Host : null);
        using var client = Client(emulator, AkeylessAccessType.Gcp, CloudIdEmulator.GcpAccessId, provider);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetSecretAsync(CloudIdEmulator.SecretPath, cancellationToken: cts.Token).AsTask());
    }

    private static AkeylessClient Client(AkeylessSharp.Emulator.AkeylessEmulator emulator, AkeylessAccessType accessType, string accessId, ICloudIdProvider provider) => new(
        new AkeylessClientOptions { ApiUrl = emulator.BaseUrl.ToString(), AccessType = accessType, AccessId = accessId, MaxRetries = 0, Timeout = TimeSpan.FromSeconds(1) },
        cloudIdProviders: [provider]);
}
