using AkeylessSharp.Tests.Infrastructure;

namespace AkeylessSharp.Tests.Http;

/// <summary>
/// A Retry-After longer than what is left of the call's time (Timeout, TotalRequestTimeout) fails the call at once with the
/// typed error naming it, instead of sleeping into a timeout; a wait that fits is still made.
/// </summary>
public sealed class RetryAfterBudgetTests : IAsyncLifetime
{
    private EmulatorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task GetSecretAsync_RetryAfterLongerThanTotalRequestTimeout_FailsAtOnceNamingIt(int status)
    {
        using var client = _harness.Client();
        await client.TestConnectionAsync();
        _harness.Emulator.Faults.FailNext("get-secret-value", 1, status, TimeSpan.FromHours(1));

        var ex = await Assert.ThrowsAsync<AkeylessServiceUnavailableException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());

        Assert.Equal(status, (int?)ex.StatusCode);
        Assert.Contains("Retry-After", ex.Message, StringComparison.Ordinal);
        Assert.Contains("01:00:00", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, _harness.Emulator.Counters.Get("get-secret-value"));
    }

    [Fact]
    public async Task GetSecretAsync_RetryAfterLongerThanTheCallsTimeout_FailsAtOnce()
    {
        using var client = _harness.Client(o => o.Timeout = TimeSpan.FromSeconds(5));
        await client.TestConnectionAsync();
        _harness.Emulator.Faults.FailNext("get-secret-value", 1, 429, TimeSpan.FromSeconds(10));

        var ex = await Assert.ThrowsAsync<AkeylessServiceUnavailableException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());

        Assert.Contains("00:00:10", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, _harness.Emulator.Counters.Get("get-secret-value"));
    }

    [Fact]
    public async Task GetSecretAsync_RetryAfterLongerThanThePerCallTimeout_FailsAtOnce()
    {
        using var client = _harness.Client();
        await client.TestConnectionAsync();
        _harness.Emulator.Faults.FailNext("get-secret-value", 1, 503, TimeSpan.FromSeconds(10));

        var ex = await Assert.ThrowsAsync<AkeylessServiceUnavailableException>(() =>
            client.GetSecretAsync(EmulatorHarness.StaticPath, new SecretRequestOptions { Timeout = TimeSpan.FromSeconds(5) }).AsTask());

        Assert.Contains("Retry-After", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, _harness.Emulator.Counters.Get("get-secret-value"));
    }

    [Fact]
    public async Task GetSecretAsync_RetryAfterThatFits_IsWaitedThenSucceeds()
    {
        using var client = _harness.Client(o => o.RetryBaseDelay = TimeSpan.Zero);
        _harness.Emulator.Faults.FailNext("get-secret-value", 1, 503, TimeSpan.FromSeconds(1));

        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));
        Assert.Equal(2, _harness.Emulator.Counters.Get("get-secret-value"));
    }
}
