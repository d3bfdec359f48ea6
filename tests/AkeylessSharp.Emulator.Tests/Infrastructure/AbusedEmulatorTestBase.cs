using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AkeylessSharp.Emulator.Tests.Infrastructure;

/// <summary>
/// An emulator for tests that abuse it over HTTP, holding one secret (<see cref="Stored"/>). After each test it must
/// still answer, still hold the secret, and have logged no error.
/// </summary>
public abstract class AbusedEmulatorTestBase : IAsyncLifetime
{
    protected const string Stored = "/edge/kept";
    protected const string StoredValue = "kept-value";

    private readonly FakeLogCollector _logs = new();

    protected AkeylessEmulator Emulator { get; private set; } = null!;

    protected EmulatorClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions
        {
            ConfigureLogging = logging => logging.AddProvider(new FakeLoggerProvider(_logs)),
        });
        Client = await EmulatorClient.ConnectAsync(Emulator);
        (await Client.PostAsync("create-secret", new JsonObject { ["name"] = Stored, ["value"] = StoredValue })).AssertStatus(HttpStatusCode.OK);
    }

    public async Task DisposeAsync()
    {
        Assert.Equal(StoredValue, (await Client.PostAsync("get-secret-value", new JsonObject { ["names"] = new JsonArray(Stored) }))
            .AssertStatus(HttpStatusCode.OK).Str(Stored));
        Assert.DoesNotContain(_logs.GetSnapshot(), r => r.Level >= LogLevel.Error);
        Client.Dispose();
        await Emulator.DisposeAsync();
    }
}
