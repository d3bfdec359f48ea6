using System.Text.Json.Nodes;
using AkeylessSharp.Tests.Infrastructure;
using AkeylessSharp.Tests.Infrastructure.Faults;
using Microsoft.Extensions.Time.Testing;

namespace AkeylessSharp.Tests.Auth;

public sealed class TokenLifecycleTests : IAsyncLifetime
{
    private EmulatorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task GetSecretAsync_HundredConcurrentCallersOnFreshClient_AuthenticateOnce()
    {
        using var client = _harness.Client();

        var reads = Enumerable.Range(0, 100).Select(_ => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());
        var values = await Task.WhenAll(reads);

        Assert.All(values, v => Assert.Equal(EmulatorHarness.StaticValue, v));
        Assert.Equal(1, _harness.Emulator.Counters.Get("auth"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetSecretAsync_AuthAnswerWithGoZeroTimeExpiry_UsesTheTokenAsExpired(bool asUnixSeconds)
    {
        // Go's zero time.Time (an expiry a Gateway never set): Unix -62135596800, printed 0001-01-01 00:00:00 +0000 UTC.
        await using var proxied = await ProxiedEmulator.StartAsync();
        proxied.Proxy.EditAnswers("auth", answer =>
        {
            if (asUnixSeconds)
            {
                answer["creds"]!["expiry"] = -62135596800;
            }
            else
            {
                answer.Remove("creds");
                answer["expiration"] = "0001-01-01 00:00:00 +0000 UTC";
            }
        });
        using var client = proxied.Client(o => o.TokenRefreshBuffer = TimeSpan.FromMinutes(5));

        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));
        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));

        // Past, like an expiry of 0: each call authenticates again, as clearskies does.
        Assert.Equal(2, proxied.Count("auth"));
    }

    [Fact]
    public async Task GetSecretAsync_WithinRefreshBuffer_AuthenticatesAgainBeforeExpiry()
    {
        using var client = _harness.Client(o => o.TokenRefreshBuffer = TimeSpan.FromMinutes(5));
        await client.GetSecretAsync(EmulatorHarness.StaticPath);

        _harness.Time.Advance(TimeSpan.FromMinutes(50));
        await client.GetSecretAsync(EmulatorHarness.StaticPath);
        Assert.Equal(1, _harness.Emulator.Counters.Get("auth"));

        _harness.Time.Advance(TimeSpan.FromMinutes(6));
        await client.GetSecretAsync(EmulatorHarness.StaticPath);
        Assert.Equal(2, _harness.Emulator.Counters.Get("auth"));
        Assert.Equal(3, _harness.Emulator.Counters.Get("get-secret-value"));
    }

    [Fact]
    public async Task GetSecretAsync_TokenExpiredServerSideOnly_ReauthenticatesOnceAndRetries()
    {
        // The client keeps its own clock, so it still believes the token valid when the emulator's clock has moved past it.
        var clientTime = new FakeTimeProvider(_harness.Time.GetUtcNow());
        using var client = new AkeylessClient(_harness.Options(), null, clientTime);
        await client.GetSecretAsync(EmulatorHarness.StaticPath);

        _harness.Time.Advance(TimeSpan.FromHours(2));
        var value = await client.GetSecretAsync(EmulatorHarness.StaticPath);

        Assert.Equal(EmulatorHarness.StaticValue, value);
        Assert.Equal(2, _harness.Emulator.Counters.Get("auth"));
        Assert.Equal(3, _harness.Emulator.Counters.Get("get-secret-value"));
    }

    [Fact]
    public async Task GetSecretAsync_UnauthorizedTwice_DoesNotLoop()
    {
        using var client = _harness.Client();
        await client.TestConnectionAsync();
        _harness.Emulator.Faults.FailNext("get-secret-value", 5, 401);

        await Assert.ThrowsAsync<AkeylessUnauthorizedException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());

        Assert.Equal(2, _harness.Emulator.Counters.Get("auth"));
        Assert.Equal(2, _harness.Emulator.Counters.Get("get-secret-value"));
    }

    [Fact]
    public async Task TestConnectionAsync_Success_ReportsExpiryFromService()
    {
        using var client = _harness.Client();

        var result = await client.TestConnectionAsync();

        Assert.True(result.Success, result.Message);
        Assert.Contains("2025-06-01T13:00:00", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestConnectionAsync_WrongKey_ReportsTypedErrorWithoutThrowing()
    {
        using var client = _harness.Client(o => o.AccessKey = "d3Jvbmcta2V5");

        var result = await client.TestConnectionAsync();

        Assert.False(result.Success);
        Assert.IsType<AkeylessUnauthorizedException>(result.Error);
        Assert.DoesNotContain("d3Jvbmcta2V5", result.Message, StringComparison.Ordinal);
    }
}
