using AkeylessSharp.Tests.Infrastructure;

namespace AkeylessSharp.Tests.Secrets;

/// <summary><see cref="AkeylessClient.GetAsync"/> keeps a detected type for a while, and detects again when the item changed kind.</summary>
public sealed class TypeDetectionTests : IAsyncLifetime
{
    private EmulatorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task GetAsync_ItemRecreatedAsAnotherTypeElsewhere_DetectsAgainAndReadsIt()
    {
        using var reader = _harness.Client();
        using var other = _harness.Client();
        Assert.Equal(AkeylessItemType.DynamicSecret, (await reader.GetAsync(EmulatorHarness.DynamicPath)).Type);
        await other.DeleteItemAsync(EmulatorHarness.DynamicPath);
        await other.CreateSecretAsync(EmulatorHarness.DynamicPath, "now-static");

        var value = await reader.GetAsync(EmulatorHarness.DynamicPath);

        Assert.Equal(AkeylessItemType.StaticSecret, value.Type);
        Assert.Equal("now-static", value.Value);
        Assert.Equal(2, _harness.Emulator.Counters.Get("describe-item"));
    }

    [Fact]
    public async Task GetAsync_ItemDeletedElsewhere_ThrowsNotFoundThenDetectsAgain()
    {
        using var reader = _harness.Client();
        using var other = _harness.Client();
        await reader.GetAsync("/app/other");
        await other.DeleteItemAsync("/app/other");

        await Assert.ThrowsAsync<AkeylessNotFoundException>(() => reader.GetAsync("/app/other"));
        await other.CreateSecretAsync("/app/other", "back");

        Assert.Equal("back", (await reader.GetAsync("/app/other")).Value);
    }

    [Fact]
    public async Task GetAsync_DescribeForbidden_ThrowsForbiddenWithoutReading()
    {
        using var reader = _harness.Client(o => { o.AccessId = TestCredentials.ReaderAccessId; o.AccessKey = TestCredentials.ReaderAccessKey; });

        var ex = await Assert.ThrowsAsync<AkeylessForbiddenException>(() => reader.GetAsync(EmulatorHarness.RotatedPath));

        Assert.Equal("describe-item", ex.Command);
        Assert.Equal(0, _harness.Emulator.Counters.Get("get-rotated-secret-value"));
    }

    [Fact]
    public async Task GetAsync_DetectedType_IsTrustedForItsTtlOnly()
    {
        using var client = _harness.Client();

        await client.GetAsync(EmulatorHarness.StaticPath);
        await client.GetAsync(EmulatorHarness.StaticPath);
        Assert.Equal(1, _harness.Emulator.Counters.Get("describe-item"));
        _harness.Time.Advance(AkeylessClient.DetectedTypeTtl + TimeSpan.FromSeconds(1));
        await client.GetAsync(EmulatorHarness.StaticPath);

        Assert.Equal(2, _harness.Emulator.Counters.Get("describe-item"));
    }

    [Fact]
    public async Task GetAsync_ManyPathsOverTime_ForgetsDetectedTypesPastTheirTtl()
    {
        using var client = _harness.Client();
        var paths = Enumerable.Range(0, 20).Select(i => $"/app/many/{i}").ToArray();
        foreach (var path in paths)
        {
            await client.CreateSecretAsync(path, "value");
            await client.GetAsync(path);
        }

        Assert.Equal(paths.Length, client.DetectedTypeCount);
        _harness.Time.Advance(AkeylessClient.DetectedTypeTtl + TimeSpan.FromMinutes(1));
        await client.GetAsync(EmulatorHarness.StaticPath);

        // Only the path just read is remembered: a long-running process reading ever new paths does not keep them all.
        Assert.Equal(1, client.DetectedTypeCount);
    }
}
