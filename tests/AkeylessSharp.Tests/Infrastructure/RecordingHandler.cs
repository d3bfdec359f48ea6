using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace AkeylessSharp.Tests.Infrastructure;

/// <summary>
/// Passes every request on to the real server (the emulator over loopback) and keeps a copy of its JSON body by command,
/// so a test can check what the client sent. It changes nothing and answers nothing itself.
/// </summary>
internal sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    public ConcurrentQueue<(string Command, Uri Uri, JsonObject Body)> Requests { get; } = new();

    public JsonObject Last(string command) => Requests.Last(r => r.Command == command).Body;

    public static AkeylessClient Client(EmulatorHarness harness, out RecordingHandler recorder, Action<AkeylessClientOptions>? configure = null)
    {
        recorder = new RecordingHandler();
        return new AkeylessClient(new HttpClient(recorder), harness.Options(configure), null, harness.Time, null);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var text = request.Content is null ? "{}" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue((request.RequestUri!.Segments[^1], request.RequestUri, JsonNode.Parse(text)!.AsObject()));
        return await base.SendAsync(request, cancellationToken);
    }
}
