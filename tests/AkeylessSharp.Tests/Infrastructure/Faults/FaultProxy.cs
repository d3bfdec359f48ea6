using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AkeylessSharp.Tests.Infrastructure.Faults;

/// <summary>
/// A loopback HTTP proxy in front of the emulator that misbehaves on purpose: scripted faults for the next requests of a
/// command (<see cref="Next"/>), or a random share of every request (<see cref="Mix"/>). Records what it injected and,
/// for writes, whether the emulator had applied the request, so tests can prove a write was never repeated.
/// </summary>
internal sealed class FaultProxy : IAsyncDisposable
{
    private static readonly string[] s_writes = ["create-secret", "update-secret-val", "delete-item"];

    private readonly WebApplication _app;
    private readonly Uri _upstream;
    private readonly Uri _redirectTo;
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false });
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FaultMode>> _scripted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<FaultMode, long> _injected = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> _writes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Action<JsonObject>> _edits = new(StringComparer.Ordinal);
    private volatile FaultMix? _mix;
    private int _inFlight;
    private int _peakInFlight;

    private FaultProxy(WebApplication app, Uri upstream, Uri redirectTo)
    {
        _app = app;
        _upstream = upstream;
        _redirectTo = redirectTo;
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>How long <see cref="FaultMode.Latency"/> waits before forwarding.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The <c>Retry-After</c> of <see cref="FaultMode.TooManyRequests"/>, in seconds.</summary>
    public int RetryAfterSeconds { get; set; }

    public IReadOnlyDictionary<FaultMode, long> Injected => _injected;

    /// <summary>The most requests the proxy held at once, from the first byte received to the last byte answered.</summary>
    public int PeakInFlight => Volatile.Read(ref _peakInFlight);

    public static async Task<FaultProxy> StartAsync(Uri upstream, Uri redirectTo)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var proxy = new FaultProxy(app, upstream, redirectTo);
        app.Run(proxy.TrackAsync);
        await app.StartAsync();
        proxy.BaseUrl = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return proxy;
    }

    /// <summary>Applies <paramref name="mode"/> to the next <paramref name="count"/> requests for <paramref name="command"/>.</summary>
    public void Next(string command, FaultMode mode, int count = 1)
    {
        var queue = _scripted.GetOrAdd(command, _ => new ConcurrentQueue<FaultMode>());
        for (var i = 0; i < count; i++)
        {
            queue.Enqueue(mode);
        }
    }

    /// <summary>Applies one of <paramref name="modes"/>, at random, to a <paramref name="fraction"/> of all requests.</summary>
    public void Mix(double fraction, params FaultMode[] modes) => _mix = modes.Length == 0 ? null : new FaultMix(fraction, modes);

    /// <summary>
    /// Passes every successful JSON-object answer to <paramref name="command"/> through <paramref name="edit"/> first: for
    /// fields a real service may send that the emulator, true to the published schema, never does.
    /// </summary>
    public void EditAnswers(string command, Action<JsonObject> edit) => _edits[command] = edit;

    public void Clear()
    {
        _mix = null;
        _scripted.Clear();
        _edits.Clear();
    }

    /// <summary>For each write's item name, the emulator statuses of every time the proxy forwarded it.</summary>
    public IReadOnlyDictionary<string, int[]> ForwardedWrites() => _writes.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _http.Dispose();
    }

    private FaultMode Decide(string command)
    {
        if (_scripted.TryGetValue(command, out var queue) && queue.TryDequeue(out var scripted))
        {
            return scripted;
        }

        return _mix is { } mix && Random.Shared.NextDouble() < mix.Fraction ? mix.Modes[Random.Shared.Next(mix.Modes.Length)] : FaultMode.None;
    }

    private async Task TrackAsync(HttpContext context)
    {
        var now = Interlocked.Increment(ref _inFlight);
        int peak;
        while (now > (peak = Volatile.Read(ref _peakInFlight)) && Interlocked.CompareExchange(ref _peakInFlight, now, peak) != peak)
        {
        }

        try
        {
            await HandleAsync(context);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var command = context.Request.Path.Value!.TrimStart('/').Split('/')[^1];

        // A scripted fault is taken only by a request that arrived whole: on a loaded machine an attempt can time out
        // while its body is still in transit, and that attempt never reaches the emulator.
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var requestBody = buffer.ToArray();
        var mode = Decide(command);
        if (mode != FaultMode.None)
        {
            _injected.AddOrUpdate(mode, 1, static (_, n) => n + 1);
        }
        switch (mode)
        {
            case FaultMode.ServiceUnavailable:
                await WriteAsync(context, 503, "application/json", """{"error":"injected: service unavailable"}"""u8.ToArray());
                return;
            case FaultMode.TooManyRequests:
                context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await WriteAsync(context, 429, "application/json", """{"error":"injected: too many requests"}"""u8.ToArray());
                return;
            case FaultMode.Redirect307 or FaultMode.Redirect302:
                context.Response.StatusCode = mode == FaultMode.Redirect307 ? 307 : 302;
                context.Response.Headers.Location = new Uri(_redirectTo, context.Request.Path.Value!.TrimStart('/')).ToString();
                return;
            case FaultMode.Latency:
                try
                {
                    await Task.Delay(Latency, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                break;
        }

        var (status, contentType, body) = await ForwardAsync(context, command, requestBody);
        if (status is >= 200 and < 300 && _edits.TryGetValue(command, out var edit) && JsonNode.Parse(body) is JsonObject answer)
        {
            edit(answer);
            body = JsonSerializer.SerializeToUtf8Bytes(answer);
        }

        switch (mode)
        {
            case FaultMode.ResetBeforeHeaders:
                context.Abort();
                break;
            case FaultMode.ResetMidBody:
                await WritePartAsync(context, status, contentType, body, body.Length / 2);
                context.Abort();
                break;
            case FaultMode.TruncatedBody:
                // Kestrel ends a response shorter than its Content-Length by closing the connection.
                await WritePartAsync(context, status, contentType, body, Math.Min(20, body.Length - 1));
                break;
            case FaultMode.StalledBody:
                await WritePartAsync(context, status, contentType, body, body.Length / 2);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                }

                context.Abort();
                break;
            case FaultMode.Html200:
                await WriteAsync(context, 200, "text/html; charset=utf-8", "<!DOCTYPE html><html><body>Sign in</body></html>"u8.ToArray());
                break;
            case FaultMode.Empty200:
                await WriteAsync(context, 200, "application/json", []);
                break;
            case FaultMode.EmptyObject200:
                await WriteAsync(context, 200, "application/json", "{}"u8.ToArray());
                break;
            case FaultMode.Array200:
                await WriteAsync(context, 200, "application/json", "[]"u8.ToArray());
                break;
            case FaultMode.WrongContentType:
                await WriteAsync(context, status, "text/plain; charset=utf-8", body);
                break;
            default:
                await WriteAsync(context, status, contentType, body);
                break;
        }
    }

    private async Task<(int Status, string? ContentType, byte[] Body)> ForwardAsync(HttpContext context, string command, byte[] requestBody)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_upstream, context.Request.Path.Value!.TrimStart('/')))
        {
            Content = new ByteArrayContent(requestBody),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", context.Request.ContentType ?? "application/json");
        using var response = await _http.SendAsync(request, CancellationToken.None);
        var body = await response.Content.ReadAsByteArrayAsync(CancellationToken.None);
        if (s_writes.Contains(command))
        {
            _writes.GetOrAdd(WriteName(requestBody), _ => new ConcurrentQueue<int>()).Enqueue((int)response.StatusCode);
        }

        return ((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), body);
    }

    private static string WriteName(byte[] body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.TryGetProperty("name", out var name) ? name.GetString() ?? "?" : "?";
    }

    private static async Task WriteAsync(HttpContext context, int status, string? contentType, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body);
    }

    private static async Task WritePartAsync(HttpContext context, int status, string? contentType, byte[] body, int count)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = Math.Max(body.Length, 100);
        await context.Response.Body.WriteAsync(body.AsMemory(0, Math.Max(count, 0)));
        await context.Response.Body.FlushAsync();
    }

    private sealed record FaultMix(double Fraction, FaultMode[] Modes);
}
