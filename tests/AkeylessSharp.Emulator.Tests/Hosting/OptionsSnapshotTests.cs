using System.Net;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;
using AkeylessSharp.Tests.Shared;

namespace AkeylessSharp.Emulator.Tests.Hosting;

/// <summary>
/// A running emulator keeps its own copy of its options: one options object changed to start a second emulator (a
/// common fixture shape) never changes the first one's limits, strictness or admin token.
/// </summary>
public sealed class OptionsSnapshotTests
{
    [Fact]
    public async Task OptionsChangedAfterStart_LeaveTheRunningEmulatorAsItWas()
    {
        var options = new AkeylessEmulatorOptions();
        await using var first = await AkeylessEmulator.StartAsync(options);
        options.MaxValueBytes = 8;
        options.StrictWire = true;
        options.AdminToken = "second-emulators-token";
        await using var second = await AkeylessEmulator.StartAsync(options);
        using var client = await EmulatorClient.ConnectAsync(first);
        using var admin = new HttpClient { BaseAddress = first.BaseUrl };

        var created = await client.PostAsync("create-secret", new JsonObject { ["name"] = "/a", ["value"] = new string('x', 100), ["not-a-field"] = 1 });
        using var counters = await admin.GetAsync("__emulator/counters");

        created.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, counters.StatusCode);
    }

    [Fact]
    public async Task TheSecondEmulator_HasTheChangedOptions()
    {
        var options = new AkeylessEmulatorOptions();
        await using var first = await AkeylessEmulator.StartAsync(options);
        options.MaxValueBytes = 8;
        await using var second = await AkeylessEmulator.StartAsync(options);
        using var client = await EmulatorClient.ConnectAsync(second);

        var created = await client.PostAsync("create-secret", new JsonObject { ["name"] = "/a", ["value"] = new string('x', 100) });

        Assert.Contains("larger than 8 bytes", created.AssertStatus(HttpStatusCode.BadRequest).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Copy_HasEverySetting()
    {
        var options = SettingsCopy.WithNonDefaultValues(new AkeylessEmulatorOptions(), ValueFor);

        var copy = options.Snapshot();

        SettingsCopy.AssertCopied(options, copy);
    }

    private static object ValueFor(Type type, string name) => type switch
    {
        _ when type == typeof(TimeProvider) => new Microsoft.Extensions.Time.Testing.FakeTimeProvider(),
        _ when type == typeof(Action<Microsoft.Extensions.Logging.ILoggingBuilder>) => new Action<Microsoft.Extensions.Logging.ILoggingBuilder>(static _ => { }),
        _ => throw new InvalidOperationException($"No test value for {name} ({type}): add one."),
    };
}
