using System.Net;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace AkeylessSharp.Emulator.Tests.Hosting;

/// <summary>The README's xunit class fixture, as written there: one emulator shared by every test of a class.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public AkeylessEmulator Emulator { get; private set; } = null!;

    public async Task InitializeAsync() => Emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions
    {
        SeedJson = """{ "items": [ { "name": "/app/db/password", "value": "s3cr3t" } ] }""",
        StrictWire = true,
        ConfigureLogging = logging => logging.ClearProviders(),
    });

    public async Task DisposeAsync() => await Emulator.DisposeAsync();
}

public sealed class ClassFixtureExampleTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task ReadsTheSeededSecret()
    {
        using var client = new EmulatorClient(fixture.Emulator.BaseUrl);
        await client.LoginAsync(fixture.Emulator.AccessId, fixture.Emulator.AccessKey);

        var r = await client.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray("/app/db/password") });

        Assert.Equal("s3cr3t", r.AssertStatus(HttpStatusCode.OK).Str("/app/db/password"));
    }
}
