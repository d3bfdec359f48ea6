using System.Net.Http.Headers;
using AkeylessSharp.Emulator.Tests.Infrastructure;
using CsCheck;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AkeylessSharp.Emulator.Tests.Fuzz;

/// <summary>
/// Generated malformed requests against every command and the admin API. Bounded: a fixed number of samples
/// (and CsCheck's time cap), each request on loopback. The emulator must answer each with a status below 500,
/// log no unexpected failure, and keep its memory and counters bounded.
/// </summary>
public sealed class FuzzTests : IAsyncLifetime
{
    private const int Samples = 4000;

    // Generous: the point is "bounded", not a tight budget; an unbounded emulator grows by hundreds of MB here.
    private const long MaxGrowthBytes = 96L * 1024 * 1024;

    private readonly FakeLoggerProvider _logs = new();
    private AkeylessEmulator _emulator = null!;
    private EmulatorClient _client = null!;
    private string[] _commands = [];

    public async Task InitializeAsync()
    {
        _emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions
        {
            SeedPath = Path.Combine(AppContext.BaseDirectory, "seeds", "demo.json"),
            ConfigureLogging = b => b.ClearProviders().AddProvider(_logs).SetMinimumLevel(LogLevel.Warning),
        });
        _client = new EmulatorClient(_emulator.BaseUrl);
        await _client.LoginAsync(_emulator.AccessId, _emulator.AccessKey);
        _commands = [.. GarbageInputTestsCommands(), "launch-rockets", new string('z', 4000)];
    }

    [Fact]
    public async Task EveryCommand_GeneratedMalformedBodies_NeverAnswer500()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var gen = MalformedBodies.Requests(_commands, _client.Token!);

        await gen.SampleAsync(async (command, body) =>
        {
            var status = await PostAsync(_client.Http, command, body);
            Assert.True(status < 500, $"{command} answered {status} to {Printable(body)}");
        }, iter: Samples, threads: 2, print: t => $"{t.Item1} {Printable(t.Item2)}");

        var after = GC.GetTotalMemory(forceFullCollection: true);
        Assert.True(after - before < MaxGrowthBytes, $"memory grew by {(after - before) / 1024 / 1024} MB");
        Assert.True(_emulator.Counters.Snapshot().Count <= _commands.Length, "every unknown command name must share one counter");
        Assert.DoesNotContain(_logs.Collector.GetSnapshot(), r => r.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task AdminApi_GeneratedMalformedBodies_NeverAnswer500()
    {
        var paths = Gen.OneOf("__emulator/faults", "__emulator/tokens/revoke", "__emulator/tokens/expire");
        var gen = Gen.Select(paths, MalformedBodies.Body(_client.Token!));

        await gen.SampleAsync(async (path, body) =>
        {
            var status = await PostAsync(_client.Http, path, body);
            Assert.True(status < 500, $"{path} answered {status} to {Printable(body)}");
        }, iter: Samples / 2, threads: 2, print: t => $"{t.Item1} {Printable(t.Item2)}");

        Assert.DoesNotContain(_logs.Collector.GetSnapshot(), r => r.Level >= LogLevel.Error);
    }

    private static IEnumerable<string> GarbageInputTestsCommands() => Hosting.GarbageInputTests.Commands;

    private static async Task<int> PostAsync(HttpClient http, string path, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(path, content);
        return (int)response.StatusCode;
    }

    private static string Printable(byte[] body) =>
        body.Length > 300 ? Convert.ToHexString(body, 0, 300) + "..." : System.Text.Encoding.UTF8.GetString(body);

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _emulator.DisposeAsync();
        _logs.Dispose();
    }
}
