using System.Diagnostics;
using AkeylessSharp.Tests.Infrastructure;
using AkeylessSharp.Tests.Infrastructure.Faults;
using Microsoft.Extensions.DependencyInjection;

namespace AkeylessSharp.Tests.Http;

/// <summary>Bodies cut short, stalled, empty, HTML or mislabelled: every failure typed, reads retried, no stall past the timeouts.</summary>
public sealed class MalformedResponseTests : IAsyncLifetime
{
    private ProxiedEmulator _env = null!;

    public async Task InitializeAsync() => _env = await ProxiedEmulator.StartAsync();

    public async Task DisposeAsync() => await _env.DisposeAsync();

    [Theory]
    [InlineData(FaultMode.TruncatedBody, "get-secret-value")]
    [InlineData(FaultMode.ResetMidBody, "get-secret-value")]
    [InlineData(FaultMode.ResetBeforeHeaders, "get-secret-value")]
    [InlineData(FaultMode.StalledBody, "get-secret-value")]
    [InlineData(FaultMode.TruncatedBody, "auth")]
    [InlineData(FaultMode.StalledBody, "auth")]
    public async Task Read_OneBrokenAnswer_IsRetriedAndSucceeds(FaultMode mode, string command)
    {
        using var client = _env.Client();
        _env.Proxy.Next(command, mode);

        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));

        Assert.Equal(1, _env.Proxy.Injected[mode]);
        Assert.Equal(2, _env.Count(command));
    }

    [Theory]
    [InlineData(FaultMode.StalledBody)]
    [InlineData(FaultMode.TruncatedBody)]
    public async Task DependencyInjectionClient_OneBrokenBody_IsRetriedAndSucceeds(FaultMode mode)
    {
        var services = new ServiceCollection();
        services.AddAkeyless(_env.ApplyTo);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IAkeylessClient>();
        await client.TestConnectionAsync();
        _env.Proxy.Next("get-secret-value", mode);

        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));

        Assert.Equal(1, _env.Proxy.Injected[mode]);
        Assert.Equal(2, _env.Count("get-secret-value"));
    }

    [Theory]
    [InlineData(FaultMode.TruncatedBody)]
    [InlineData(FaultMode.ResetMidBody)]
    public async Task Read_BodyAlwaysCutShort_ThrowsServiceUnavailableAfterRetries(FaultMode mode)
    {
        using var client = _env.Client(o => o.MaxRetries = 2);
        await client.TestConnectionAsync();
        _env.Proxy.Next("get-secret-value", mode, 10);

        var ex = await Assert.ThrowsAsync<AkeylessServiceUnavailableException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());

        Assert.Equal("get-secret-value", ex.Command);
        Assert.Equal(3, _env.Count("get-secret-value"));
    }

    [Theory]
    [InlineData(FaultMode.TruncatedBody)]
    [InlineData(FaultMode.StalledBody)]
    [InlineData(FaultMode.ResetMidBody)]
    [InlineData(FaultMode.ResetBeforeHeaders)]
    public async Task Write_AnswerBrokenAfterServerApplied_IsNotRepeated(FaultMode mode)
    {
        using var client = _env.Client();
        await client.TestConnectionAsync();
        _env.Proxy.Next("create-secret", mode);

        var ex = await Assert.ThrowsAnyAsync<AkeylessException>(() => client.CreateSecretAsync("/w/once", "v"));

        Assert.True(ex is AkeylessServiceUnavailableException or AkeylessTimeoutException, ex.GetType().Name);
        Assert.Equal([200], _env.Proxy.ForwardedWrites()["/w/once"]);
    }

    [Fact]
    public async Task Read_StalledBodyEveryTime_EndsWithinTotalRequestTimeout()
    {
        using var client = _env.Client(o =>
        {
            o.MaxRetries = 10;
            o.AttemptTimeout = TimeSpan.FromMilliseconds(200);
            o.TotalRequestTimeout = TimeSpan.FromSeconds(1);
        });
        await client.TestConnectionAsync();
        _env.Proxy.Next("get-secret-value", FaultMode.StalledBody, 100);
        var watch = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<AkeylessTimeoutException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());

        // The proxy stalls each body for 30 s; only the timeouts can end the call this soon (generous bound).
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.Equal("get-secret-value", ex.Command);
        Assert.InRange(_env.Count("get-secret-value"), 1, 11);
    }

    [Theory]
    [InlineData(FaultMode.Empty200, typeof(AkeylessProtocolException))]
    [InlineData(FaultMode.WrongContentType, typeof(AkeylessProtocolException))]
    [InlineData(FaultMode.Html200, typeof(AkeylessEndpointException))]
    public async Task Read_UnusableSuccessAnswer_ThrowsTypedErrorNamingCommandAndStatus(FaultMode mode, Type expected)
    {
        using var client = _env.Client();
        await client.TestConnectionAsync();
        _env.Proxy.Next("get-secret-value", mode);

        var ex = await Assert.ThrowsAnyAsync<AkeylessException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());

        Assert.IsType(expected, ex);
        Assert.Equal("get-secret-value", ex.Command);
        Assert.Equal(System.Net.HttpStatusCode.OK, ex.StatusCode);
        Assert.DoesNotContain(EmulatorHarness.StaticValue, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RotatedRead_SuccessAnswerWithoutValue_ThrowsProtocolError(bool cached)
    {
        using var client = _env.Client(o => o.Cache = cached ? new Caching.AkeylessCacheOptions() : null);
        await client.TestConnectionAsync();
        _env.Proxy.Next("get-rotated-secret-value", FaultMode.EmptyObject200);

        var ex = await Assert.ThrowsAsync<AkeylessProtocolException>(() => client.GetRotatedSecretAsync(EmulatorHarness.RotatedPath));

        Assert.Equal("get-rotated-secret-value", ex.Command);
        Assert.Contains("no 'value'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auth_HtmlAnswer_ThrowsEndpointError()
    {
        using var client = _env.Client();
        _env.Proxy.Next("auth", FaultMode.Html200);

        var ex = await Assert.ThrowsAsync<AkeylessEndpointException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());

        Assert.Contains("did not answer as the Akeyless API; check ApiUrl", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_NothingListening_ThrowsServiceUnavailable()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = _env.Client(o => { o.ApiUrl = $"http://127.0.0.1:{port}/"; o.MaxRetries = 1; });

        var ex = await Assert.ThrowsAsync<AkeylessServiceUnavailableException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());

        Assert.Equal("auth", ex.Command);
        Assert.Null(ex.StatusCode);
    }
}
