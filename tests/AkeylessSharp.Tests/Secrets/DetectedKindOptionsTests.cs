using AkeylessSharp.Tests.Infrastructure;

namespace AkeylessSharp.Tests.Secrets;

/// <summary><see cref="AkeylessClient.GetAsync"/> passes on every option with a meaning for the kind it detected, whatever options type carried it.</summary>
public sealed class DetectedKindOptionsTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> s_arguments = new() { ["region"] = "eu" };

    private EmulatorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task GetAsync_DynamicItemWithRotatedOptions_SendsTheArgumentsButNotTheHost()
    {
        using var client = RecordingHandler.Client(_harness, out var recorder);

        var value = await client.GetAsync(EmulatorHarness.DynamicPath, new RotatedSecretRequestOptions { Arguments = s_arguments, Host = "db-1" });

        Assert.Equal(AkeylessItemType.DynamicSecret, value.Type);
        var sent = recorder.Last("get-dynamic-secret-value");
        Assert.Equal(["region=eu"], sent["args"]!.AsArray().Select(a => (string?)a));
        Assert.False(sent.ContainsKey("host"));
    }

    [Fact]
    public async Task GetAsync_RotatedItemWithDynamicOptions_SendsTheArgumentsAndVersion()
    {
        using var client = RecordingHandler.Client(_harness, out var recorder);

        var value = await client.GetAsync(EmulatorHarness.RotatedPath, new DynamicSecretRequestOptions { Arguments = s_arguments, Version = 1, Target = "t" });

        Assert.Equal(AkeylessItemType.RotatedSecret, value.Type);
        var sent = recorder.Last("get-rotated-secret-value");
        Assert.Equal(["region=eu"], sent["args"]!.AsArray().Select(a => (string?)a));
        Assert.Equal(1, (int?)sent["version"]);
        Assert.False(sent.ContainsKey("target"));
    }

    [Fact]
    public async Task GetAsync_DynamicItemWithDynamicOptions_SendsTargetAndProducerTimeout()
    {
        using var client = RecordingHandler.Client(_harness, out var recorder);

        await client.GetAsync(EmulatorHarness.DynamicPath, new DynamicSecretRequestOptions { Arguments = s_arguments, Target = "t", ProducerTimeout = TimeSpan.FromSeconds(30) });

        var sent = recorder.Last("get-dynamic-secret-value");
        Assert.Equal(["region=eu"], sent["args"]!.AsArray().Select(a => (string?)a));
        Assert.Equal("t", (string?)sent["target"]);
        Assert.Equal(30, (long?)sent["timeout"]);
    }

    [Fact]
    public async Task GetAsync_RotatedItemWithHost_ReadsThatHostsValue()
    {
        using var client = _harness.Client();

        var value = await client.GetAsync(EmulatorHarness.RotatedPath, new RotatedSecretRequestOptions { Host = "db-1", JsonAttribute = "host" });

        Assert.Equal("db-1", value.Value);
    }
}
