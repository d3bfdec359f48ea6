using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AkeylessSharp.Emulator.Tests.Infrastructure;

/// <summary>A tiny raw HTTP client for the emulator: POST JSON, get status + parsed body.</summary>
public sealed class EmulatorClient : IDisposable
{
    private readonly HttpClient _http;

    public EmulatorClient(Uri baseUrl)
    {
        _http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(20) };
        _http.DefaultRequestHeaders.Add("X-Akeyless-Emulator", "1");
    }

    public HttpClient Http => _http;

    /// <summary>A client for <paramref name="emulator"/>, logged in with its built-in access key.</summary>
    public static async Task<EmulatorClient> ConnectAsync(AkeylessEmulator emulator)
    {
        var client = new EmulatorClient(emulator.BaseUrl);
        await client.LoginAsync(emulator.AccessId, emulator.AccessKey);
        return client;
    }

    public string? Token { get; set; }

    public async Task<ApiResponse> PostAsync(string command, JsonObject? body = null, bool withToken = true)
    {
        body ??= [];
        if (withToken && Token is not null && !body.ContainsKey("token") && !body.ContainsKey("uid-token"))
        {
            body["token"] = Token;
        }

        return await PostRawAsync(command, body.ToJsonString());
    }

    public async Task<ApiResponse> PostRawAsync(string command, string raw)
    {
        using var content = new StringContent(raw, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(command, content);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? json = null;
        if (text.Length > 0)
        {
            try
            {
                json = JsonNode.Parse(text);
            }
            catch (JsonException)
            {
            }
        }

        return new ApiResponse(response.StatusCode, json, text, response.Headers.RetryAfter?.Delta);
    }

    public async Task<string> LoginAsync(string accessId, string accessKey)
    {
        var r = await PostAsync("auth", new JsonObject { ["access-id"] = accessId, ["access-key"] = accessKey, ["access-type"] = "access_key" }, withToken: false);
        r.AssertStatus(HttpStatusCode.OK);
        Token = r.Json!["token"]!.GetValue<string>();
        return Token;
    }

    public void Dispose() => _http.Dispose();
}

public sealed record ApiResponse(HttpStatusCode Status, JsonNode? Json, string Text, TimeSpan? RetryAfter)
{
    public ApiResponse AssertStatus(HttpStatusCode expected)
    {
        Assert.True(Status == expected, $"expected {(int)expected} but got {(int)Status}: {Text}");
        return this;
    }

    public string Error => Json?["error"]?.GetValue<string>() ?? "";

    public string Str(string name) => Json![name]!.GetValue<string>();
}
