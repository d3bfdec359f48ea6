using System.Text.Json;
using AkeylessSharp.Caching.Tests.Infrastructure;
using AkeylessSharp.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace AkeylessSharp.Caching.Tests.Client;

/// <summary>An emulator seeded with 100 static secrets plus one JSON, one dynamic and one rotated secret, and clients over it.</summary>
internal sealed class ClientFixture : IAsyncDisposable
{
    public const string JsonPath = "/cfg/json";
    public const string DynamicPath = "/dyn/db";
    public const string RotatedPath = "/rot/db";

    public static readonly string[] Paths = Enumerable.Range(0, 100).Select(i => $"/e2e/secret-{i}").ToArray();

    private readonly List<AkeylessClient> _clients = [];

    private ClientFixture(AkeylessEmulator emulator) => Emulator = emulator;

    public AkeylessEmulator Emulator { get; }

    public FakeTimeProvider Clock { get; } = TestReaders.Clock();

    public static async Task<ClientFixture> StartAsync()
    {
        var items = Paths.Select((p, i) => (object)new { name = p, type = "static", value = $"e2e-value-{i}" }).ToList();
        items.Add(new { name = JsonPath, type = "static", value = """{"db":{"password":"json-pw"}}""", format = "json" });
        items.Add(new { name = DynamicPath, type = "dynamic", dynamic = new { usernamePrefix = "tmp_", ttlSeconds = 3600 } });
        items.Add(new { name = RotatedPath, type = "rotated", rotated = new { username = "svc", password = "R0tated!" } });
        return new ClientFixture(await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { SeedJson = JsonSerializer.Serialize(new { items }) }));
    }

    public long Requests(string command) => Emulator.Counters.Get(command);

    public AkeylessClientOptions Options(AkeylessCacheOptions? cache, ISecretCache? store = null, ISecretFetchLock? fetchLock = null) => new()
    {
        ApiUrl = Emulator.BaseUrl.ToString(),
        AccessId = Emulator.AccessId,
        AccessKey = Emulator.AccessKey,
        MaxRetries = 0,
        Cache = cache,
        SecretCache = store,
        SecretFetchLock = fetchLock,
    };

    /// <summary>A client on the fake clock: the batch window, time to live and stale allowance move only when the test says.</summary>
    public AkeylessClient Client(AkeylessCacheOptions? cache, ISecretCache? store = null, ISecretFetchLock? fetchLock = null)
    {
        var client = new AkeylessClient(Options(cache, store, fetchLock), timeProvider: Clock);
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
