using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AkeylessSharp.Tests.Infrastructure;

namespace AkeylessSharp.Tests.Diagnostics;

/// <summary>Span shape per the OpenTelemetry client-span conventions, for each way a call can end.</summary>
public sealed class SpanTests : IAsyncLifetime
{
    private EmulatorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task GetSecretAsync_Success_ClientSpanWithServerAndPathAndAuthChild()
    {
        using var client = _harness.Client();
        using var spans = new ActivityRecorder();

        await client.GetSecretAsync(EmulatorHarness.StaticPath);

        var span = spans.Single("akeyless get-secret-value");
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal("127.0.0.1", span.GetTagItem("server.address"));
        Assert.Equal(_harness.Emulator.BaseUrl.Port, span.GetTagItem("server.port"));
        Assert.Equal("get-secret-value", span.GetTagItem("akeyless.command"));
        Assert.Equal(EmulatorHarness.StaticPath, span.GetTagItem("akeyless.path"));
        Assert.Null(span.GetTagItem("error.type"));
        Assert.Empty(span.Events);
        var auth = spans.Single("akeyless auth");
        Assert.Equal(span.SpanId, auth.ParentSpanId);
        Assert.Null(auth.GetTagItem("akeyless.path"));
    }

    [Fact]
    public async Task GetSecretAsync_NotFound_ErrorStatusTypeAndExceptionEvent()
    {
        using var client = _harness.Client();
        using var spans = new ActivityRecorder();

        await Assert.ThrowsAsync<AkeylessNotFoundException>(() => client.GetSecretAsync("/missing").AsTask());

        var span = spans.Single("akeyless get-secret-value");
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("404", span.StatusDescription);
        Assert.Equal("404", span.GetTagItem("error.type"));
        Assert.Equal(404, span.GetTagItem("http.response.status_code"));
        var exception = Assert.Single(span.Events);
        Assert.Equal("exception", exception.Name);
        Assert.Equal(typeof(AkeylessNotFoundException).FullName, exception.Tags.Single(t => t.Key == "exception.type").Value);
        Assert.Contains("/missing", (string?)exception.Tags.Single(t => t.Key == "exception.message").Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryGetSecretAsync_NotFound_SpanIsNotAnError()
    {
        using var client = _harness.Client();
        using var spans = new ActivityRecorder();

        Assert.Null(await client.TryGetSecretAsync("/missing"));

        var span = spans.Single("akeyless get-secret-value");
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Null(span.GetTagItem("error.type"));
        Assert.Equal(404, span.GetTagItem("http.response.status_code"));
        Assert.Empty(span.Events);
    }

    [Fact]
    public async Task GetSecretAsync_BadCredentials_AuthSpanAndCallSpanAre401()
    {
        using var client = _harness.Client(o => o.AccessKey = "wrong-access-key");
        using var spans = new ActivityRecorder();

        await Assert.ThrowsAsync<AkeylessUnauthorizedException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());

        var auth = spans.Single("akeyless auth");
        Assert.Equal(ActivityStatusCode.Error, auth.Status);
        Assert.Equal("401", auth.GetTagItem("error.type"));
        var call = spans.Single("akeyless get-secret-value");
        Assert.Equal("401", call.GetTagItem("error.type"));
        Assert.Equal(auth.ParentSpanId, call.SpanId);
    }

    [Fact]
    public async Task GetSecretAsync_ServiceUnavailableThenOk_RetriesAreEventsOnAnOkSpan()
    {
        using var client = _harness.Client();
        await client.TestConnectionAsync();
        _harness.Emulator.Faults.FailNext("get-secret-value", 2, 503);
        using var spans = new ActivityRecorder();

        await client.GetSecretAsync(EmulatorHarness.StaticPath);

        var span = spans.Single("akeyless get-secret-value");
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Null(span.GetTagItem("error.type"));
        Assert.Equal(2, span.GetTagItem("http.request.resend_count"));
        var retries = span.Events.Where(e => e.Name == "akeyless.retry").ToList();
        Assert.Equal([1, 2], retries.Select(e => (int)e.Tags.Single(t => t.Key == "http.request.resend_count").Value!));
        Assert.All(retries, e => Assert.Equal("503", e.Tags.Single(t => t.Key == "error.type").Value));
    }

    [Fact]
    public async Task GetSecretAsync_TokenRejectedMidCall_ReauthenticationEventAndAuthChildOnAnOkSpan()
    {
        // The client keeps its own clock, so it still believes the token valid after the emulator's clock passed its expiry.
        using var client = new AkeylessClient(_harness.Options(), null, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(_harness.Time.GetUtcNow()));
        await client.TestConnectionAsync();
        _harness.Time.Advance(TimeSpan.FromHours(2));
        using var spans = new ActivityRecorder();

        await client.GetSecretAsync(EmulatorHarness.StaticPath);

        var span = spans.Single("akeyless get-secret-value");
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal(["akeyless.reauthentication"], span.Events.Select(e => e.Name));
        Assert.Equal(span.SpanId, spans.Single("akeyless auth").ParentSpanId);
    }

    [Fact]
    public async Task GetSecretAsync_Unreachable_ErrorStatusConnectionErrorAndExceptionEvent()
    {
        using var client = new AkeylessClient(_harness.Options(o => { o.ApiUrl = $"http://127.0.0.1:{ClosedPort()}"; o.MaxRetries = 0; }));
        using var spans = new ActivityRecorder();

        await Assert.ThrowsAsync<AkeylessServiceUnavailableException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());

        var span = spans.Single("akeyless get-secret-value");
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("connection_error", span.GetTagItem("error.type"));
        Assert.Equal("exception", Assert.Single(span.Events).Name);
        Assert.Equal("connection_error", spans.Single("akeyless auth").GetTagItem("error.type"));
    }

    [Fact]
    public async Task GetSecretAsync_Timeout_ErrorStatusTimeout()
    {
        using var client = new AkeylessClient(_harness.Options(o => o.MaxRetries = 0));
        await _harness.AuthenticateThenStallReadsAsync(client);
        using var spans = new ActivityRecorder();

        await Assert.ThrowsAsync<AkeylessTimeoutException>(
            () => client.GetSecretAsync(EmulatorHarness.StaticPath, new SecretRequestOptions { Timeout = TimeSpan.FromMilliseconds(200) }).AsTask());

        var span = spans.Single("akeyless get-secret-value");
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("timeout", span.GetTagItem("error.type"));
        Assert.Equal(typeof(AkeylessTimeoutException).FullName, Assert.Single(span.Events).Tags.Single(t => t.Key == "exception.type").Value);
    }

    [Fact]
    public async Task IncludePathInTraces_Off_NoPathAttributeAndNoExceptionMessage()
    {
        using var client = _harness.Client(o => o.IncludePathInTraces = false);
        using var spans = new ActivityRecorder();

        await client.GetSecretAsync(EmulatorHarness.StaticPath);
        await Assert.ThrowsAsync<AkeylessNotFoundException>(() => client.GetSecretAsync("/missing").AsTask());

        Assert.All(spans.Spans, s => Assert.Null(s.GetTagItem("akeyless.path")));
        var exception = Assert.Single(spans.Spans.SelectMany(s => s.Events));
        Assert.Equal(["exception.type"], exception.Tags.Select(t => t.Key));
    }

    [Fact]
    public async Task GetSecretsAsync_Batch_SpanCountsPathsWithoutNamingOne()
    {
        using var client = _harness.Client();
        using var spans = new ActivityRecorder();

        await client.GetSecretsAsync([EmulatorHarness.StaticPath, "/app/other", "/app/sub/deeper"]);

        var span = spans.Single("akeyless get-secret-value");
        Assert.Equal(3, span.GetTagItem("akeyless.path.count"));
        Assert.Null(span.GetTagItem("akeyless.path"));
    }

    [Fact]
    public async Task GetSecretAsync_CacheHit_ShortInternalSpanOnlyWhenListened()
    {
        using var client = _harness.Client(o => o.Cache = new Caching.AkeylessCacheOptions { BatchingEnabled = false });
        await client.GetSecretAsync(EmulatorHarness.StaticPath);
        using var spans = new ActivityRecorder();

        await client.GetSecretAsync(EmulatorHarness.StaticPath);

        var hit = Assert.Single(spans.Spans);
        Assert.Equal("akeyless cache-hit", hit.DisplayName);
        Assert.Equal(ActivityKind.Internal, hit.Kind);
        Assert.Equal(true, hit.GetTagItem("akeyless.cache.hit"));
        Assert.Equal("static", hit.GetTagItem("akeyless.secret.kind"));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
