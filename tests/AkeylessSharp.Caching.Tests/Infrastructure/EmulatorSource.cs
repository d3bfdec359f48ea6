using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AkeylessSharp.Emulator;

namespace AkeylessSharp.Caching.Tests.Infrastructure;

/// <summary>
/// A minimal raw-HTTP Akeyless reader for the emulator (one <c>auth</c>, then <c>get-secret-value</c>), so the caching
/// layer is tested against real requests without depending on the client under construction.
/// </summary>
public sealed class EmulatorSource(AkeylessEmulator emulator) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = emulator.BaseUrl };
    private readonly SemaphoreSlim _authLock = new(1, 1);
    private string? _token;

    public static string SeedStatic(IEnumerable<KeyValuePair<string, string>> items) =>
        JsonSerializer.Serialize(new { items = items.Select(i => new { name = i.Key, type = "static", value = i.Value }) });

    public async Task<IReadOnlyDictionary<string, string>> FetchAsync(IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        string token = await TokenAsync(cancellationToken);
        using var response = await _http.PostAsJsonAsync(new Uri("get-secret-value", UriKind.Relative), new { names, token }, cancellationToken);
        await ThrowIfFailedAsync(response, names.Count == 1 ? names[0] : null, cancellationToken);
        return (await response.Content.ReadFromJsonAsync<Dictionary<string, string>>(cancellationToken))!;
    }

    public void Dispose()
    {
        _http.Dispose();
        _authLock.Dispose();
    }

    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        if (_token is { } token)
        {
            return token;
        }

        await _authLock.WaitAsync(cancellationToken);
        try
        {
            if (_token is null)
            {
                using var response = await _http.PostAsJsonAsync(
                    new Uri("auth", UriKind.Relative),
                    new Dictionary<string, string> { ["access-id"] = emulator.AccessId, ["access-key"] = emulator.AccessKey, ["access-type"] = "access_key" },
                    cancellationToken);
                await ThrowIfFailedAsync(response, null, cancellationToken);
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                _token = body.RootElement.GetProperty("token").GetString();
            }

            return _token!;
        }
        finally
        {
            _authLock.Release();
        }
    }

    private static async Task ThrowIfFailedAsync(HttpResponseMessage response, string? path, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        string body = await response.Content.ReadAsStringAsync(cancellationToken);
        throw response.StatusCode == HttpStatusCode.NotFound
            ? new AkeylessNotFoundException("Not found.", "get-secret-value", path, body)
            : new AkeylessException($"Failed with {(int)response.StatusCode}.", response.StatusCode, "get-secret-value", path, body);
    }
}
