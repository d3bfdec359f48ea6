using System.Text.Json;
using AkeylessSharp.Caching.Tests.Infrastructure;
using AkeylessSharp.Emulator;

namespace AkeylessSharp.Caching.Tests.Client;

/// <summary>A cached rotated secret ends at its next scheduled rotation, not at the (longer) rotated-secret TTL.</summary>
public sealed class RotatedSecretTtlTests
{
    private const string Path = "/rot/auto";

    [Fact]
    public async Task GetRotatedSecretAsync_AfterScheduledRotation_FetchesTheNewVersion()
    {
        var clock = TestReaders.Clock();
        var seed = JsonSerializer.Serialize(new
        {
            items = new[] { new { name = Path, type = "rotated", rotated = new { username = "svc", password = "initial", rotationIntervalSeconds = 600 } } },
        });
        await using var emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { SeedJson = seed, TimeProvider = clock });
        using var client = new AkeylessClient(
            new AkeylessClientOptions
            {
                ApiUrl = emulator.BaseUrl.ToString(),
                AccessId = emulator.AccessId,
                AccessKey = emulator.AccessKey,
                MaxRetries = 0,
                Cache = new AkeylessCacheOptions { BatchingEnabled = false, RotatedSecretTtl = TimeSpan.FromHours(1) },
            },
            timeProvider: clock);

        var before = await client.GetRotatedSecretAsync(Path);
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(before.Password, (await client.GetRotatedSecretAsync(Path)).Password);
        Assert.Equal(1, emulator.Counters.Get("get-rotated-secret-value"));

        clock.Advance(TimeSpan.FromMinutes(6));
        var after = await client.GetRotatedSecretAsync(Path);

        Assert.NotEqual(before.Password, after.Password);
        Assert.Equal(2, emulator.Counters.Get("get-rotated-secret-value"));
    }
}
