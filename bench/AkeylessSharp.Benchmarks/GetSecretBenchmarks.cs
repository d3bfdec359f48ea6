using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AkeylessSharp.Emulator;
using BenchmarkDotNet.Attributes;

namespace AkeylessSharp.Benchmarks;

/// <summary>
/// A cold <c>GetSecretAsync</c> (no client-side cache; the token is already held, as in steady state) next to the floor:
/// a bare <see cref="HttpClient"/> POST of the same <c>get-secret-value</c> body over the same loopback connection pool.
/// </summary>
[MemoryDiagnoser]
public class GetSecretBenchmarks
{
    private const string Path = "/bench/db/password";

    private AkeylessEmulator _emulator = null!;
    private AkeylessClient _client = null!;
    private HttpClient _piped = null!;
    private HttpClient _http = null!;
    private Uri _uri = null!;
    private string _token = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions
        {
            SeedJson = """{"items":[{"name":"/bench/db/password","type":"static","value":"bench-secret-value"}]}""",
        });
        _client = new AkeylessClient(new AkeylessClientOptions { ApiUrl = _emulator.BaseUrl.ToString(), AccessId = _emulator.AccessId, AccessKey = _emulator.AccessKey });
        await _client.GetSecretAsync(Path);

        // The floor again, through the client's retry and timeout pipeline: shows what resilience alone costs.
        var defaults = new AkeylessClientOptions();
        var handler = AkeylessSharp.Http.Internal.AkeylessResilience.CreateHandler(defaults, TimeProvider.System);
        handler.InnerHandler = new SocketsHttpHandler();
        _piped = new HttpClient(handler);
        AkeylessSharp.Http.Internal.AkeylessResilience.ApplyTotalTimeout(_piped, defaults);

        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        _uri = new Uri(_emulator.BaseUrl, "get-secret-value");
        using var auth = await _http.PostAsJsonAsync(new Uri(_emulator.BaseUrl, "auth"), new Dictionary<string, string> { ["access-id"] = _emulator.AccessId, ["access-key"] = _emulator.AccessKey });
        using var json = JsonDocument.Parse(await auth.Content.ReadAsStringAsync());
        _token = json.RootElement.GetProperty("token").GetString()!;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _client.Dispose();
        _http.Dispose();
        _piped.Dispose();
        await _emulator.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "bare HttpClient POST (floor)")]
    public Task<string> BareHttpClientPost() => PostAsync(_http);

    [Benchmark(Description = "bare POST through the resilience pipeline")]
    public Task<string> PipedPost() => PostAsync(_piped);

    [Benchmark(Description = "AkeylessClient.GetSecretAsync")]
    public ValueTask<string> ClientGetSecret() => _client.GetSecretAsync(Path);

    private async Task<string> PostAsync(HttpClient http)
    {
        var body = $$"""{"token":"{{_token}}","json":false,"names":["{{Path}}"]}""";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(_uri, content);
        response.EnsureSuccessStatusCode();
        var map = await response.Content.ReadFromJsonAsync<Dictionary<string, string>>();
        return map![Path];
    }
}
