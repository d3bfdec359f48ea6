using System.Text.Json;
using AkeylessSharp.Emulator;

namespace AkeylessSharp.Configuration.Tests.TestSupport;

/// <summary>An in-process emulator seeded with static secrets, and clients for it with fast, few retries.</summary>
internal sealed class EmulatorFixture : IAsyncDisposable
{
    private readonly List<AkeylessClient> _clients = [];

    private EmulatorFixture(AkeylessEmulator emulator) => Emulator = emulator;

    public AkeylessEmulator Emulator { get; }

    public static async Task<EmulatorFixture> StartAsync(IEnumerable<KeyValuePair<string, string>> secrets, object[]? authMethods = null, object[]? roles = null)
    {
        var seed = new
        {
            authMethods = authMethods ?? [],
            roles = roles ?? [],
            items = secrets.Select(s => new { name = s.Key, type = "static", value = s.Value }).ToArray(),
        };
        return new EmulatorFixture(await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { SeedJson = JsonSerializer.Serialize(seed) }));
    }

    public AkeylessClientOptions ClientOptions(string? accessId = null, string? accessKey = null) => new()
    {
        ApiUrl = Emulator.BaseUrl.ToString(),
        AccessId = accessId ?? Emulator.AccessId,
        AccessKey = accessKey ?? Emulator.AccessKey,
        MaxRetries = 0,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
    };

    public AkeylessClient Client(string? accessId = null, string? accessKey = null)
    {
        var client = new AkeylessClient(ClientOptions(accessId, accessKey));
        _clients.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Emulator.DisposeAsync();
    }
}
