using AkeylessSharp.Tests.Infrastructure;

namespace AkeylessSharp.Tests.Http;

public sealed class ResilienceTests : IAsyncLifetime
{
    private EmulatorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task GetSecretAsync_TwoServiceUnavailable_RetriesThenSucceeds()
    {
        using var client = _harness.Client();
        _harness.Emulator.Faults.FailNext("get-secret-value", 2, 503);

        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));
        Assert.Equal(3, _harness.Emulator.Counters.Get("get-secret-value"));
    }

    [Fact]
    public async Task GetSecretAsync_TooManyRequestsWithRetryAfter_WaitsAndSucceeds()
    {
        using var client = _harness.Client(o => o.RetryBaseDelay = TimeSpan.Zero);
        _harness.Emulator.Faults.FailNext("get-secret-value", 1, 429, TimeSpan.FromSeconds(1));

        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));

        Assert.Equal(2, _harness.Emulator.Counters.Get("get-secret-value"));
    }

    [Fact]
    public async Task GetSecretAsync_AbortedConnection_Retries()
    {
        using var client = _harness.Client();
        await client.TestConnectionAsync();
        _harness.Emulator.Faults.AbortNext("get-secret-value", 1);

        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));
        Assert.Equal(2, _harness.Emulator.Counters.Get("get-secret-value"));
    }

    [Fact]
    public async Task Auth_ServiceUnavailableOnce_Retries()
    {
        using var client = _harness.Client();
        _harness.Emulator.Faults.FailNext("auth", 1, 503);

        Assert.True((await client.TestConnectionAsync()).Success);
        Assert.Equal(2, _harness.Emulator.Counters.Get("auth"));
    }

    [Fact]
    public async Task GetSecretAsync_AlwaysFailing_GivesUpAfterMaxRetries()
    {
        using var client = _harness.Client(o => o.MaxRetries = 2);
        await client.TestConnectionAsync();
        _harness.Emulator.Faults.FailNext("get-secret-value", 10, 503);

        var ex = await Assert.ThrowsAsync<AkeylessServiceUnavailableException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal(3, _harness.Emulator.Counters.Get("get-secret-value"));
    }

    [Theory]
    [InlineData("create-secret")]
    [InlineData("update-secret-val")]
    [InlineData("delete-item")]
    public async Task Writes_ServerError_AreNotRetried(string command)
    {
        using var client = _harness.Client();
        await client.TestConnectionAsync();
        _harness.Emulator.Faults.FailNext(command, 1, 500);

        var ex = await Assert.ThrowsAsync<AkeylessServiceUnavailableException>(() => command switch
        {
            "create-secret" => client.CreateSecretAsync("/w/new", "v"),
            "update-secret-val" => client.UpdateSecretValueAsync(EmulatorHarness.StaticPath, "v"),
            _ => client.DeleteItemAsync("/app/other"),
        });

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.Equal(1, _harness.Emulator.Counters.Get(command));
    }

    [Fact]
    public async Task CreateSecretAsync_TooManyRequests_IsRetried()
    {
        using var client = _harness.Client();
        await client.TestConnectionAsync();
        _harness.Emulator.Faults.FailNext("create-secret", 1, 429);

        await client.CreateSecretAsync("/w/retried", "v");

        Assert.Equal(2, _harness.Emulator.Counters.Get("create-secret"));
    }

    [Fact]
    public async Task GetSecretAsync_PerCallTimeout_ThrowsTimeout()
    {
        using var client = new AkeylessClient(_harness.Options(o => o.MaxRetries = 0));
        await _harness.AuthenticateThenStallReadsAsync(client);

        var ex = await Assert.ThrowsAsync<AkeylessTimeoutException>(
            () => client.GetSecretAsync(EmulatorHarness.StaticPath, new SecretRequestOptions { Timeout = TimeSpan.FromMilliseconds(200) }).AsTask());

        Assert.Equal("get-secret-value", ex.Command);
    }

    [Fact]
    public async Task GetSecretAsync_AttemptTimeout_ThrowsTimeout()
    {
        using var client = new AkeylessClient(_harness.Options(o => { o.MaxRetries = 0; o.AttemptTimeout = TimeSpan.FromMilliseconds(200); }));
        await _harness.AuthenticateThenStallReadsAsync(client);

        await Assert.ThrowsAsync<AkeylessTimeoutException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());
    }

    [Fact]
    public async Task GetSecretAsync_EveryAttemptTimesOut_RetriedThenThrowsTimeout()
    {
        using var client = new AkeylessClient(_harness.Options(o => { o.MaxRetries = 2; o.AttemptTimeout = TimeSpan.FromMilliseconds(150); }));
        await _harness.AuthenticateThenStallReadsAsync(client);

        var ex = await Assert.ThrowsAsync<AkeylessTimeoutException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());

        Assert.Equal("get-secret-value", ex.Command);
        Assert.Equal(3, _harness.Emulator.Counters.Get("get-secret-value"));
    }

    [Fact]
    public async Task GetSecretAsync_CallerCancelsDuringAttempt_ThrowsOperationCanceledAndDoesNotRetry()
    {
        using var client = new AkeylessClient(_harness.Options(o => { o.MaxRetries = 3; o.AttemptTimeout = TimeSpan.FromSeconds(10); }));
        await _harness.AuthenticateThenStallReadsAsync(client);
        using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath, cancellationToken: caller.Token).AsTask());

        Assert.IsNotType<AkeylessTimeoutException>(ex);
        Assert.Equal(1, _harness.Emulator.Counters.Get("get-secret-value"));
    }

    [Fact]
    public async Task GetSecretAsync_TotalRequestTimeout_StopsRetries()
    {
        using var client = new AkeylessClient(_harness.Options(o =>
        {
            o.MaxRetries = 10;
            o.AttemptTimeout = TimeSpan.FromMilliseconds(150);
            o.TotalRequestTimeout = TimeSpan.FromMilliseconds(400);
        }));
        await _harness.AuthenticateThenStallReadsAsync(client);

        var ex = await Assert.ThrowsAsync<AkeylessTimeoutException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());

        Assert.Equal("get-secret-value", ex.Command);

        // Attempts of 150 ms each: the 400 ms limit ends the request long before the 11 attempts retries allow.
        Assert.InRange(_harness.Emulator.Counters.Get("get-secret-value"), 1, 10);
    }

    [Fact]
    public async Task GetSecretAsync_CallerTokenAndPerCallTimeout_ThrowsTimeout()
    {
        using var client = new AkeylessClient(_harness.Options(o => o.MaxRetries = 0));
        await _harness.AuthenticateThenStallReadsAsync(client);
        using var caller = new CancellationTokenSource();

        var ex = await Assert.ThrowsAsync<AkeylessTimeoutException>(
            () => client.GetSecretAsync(EmulatorHarness.StaticPath, new SecretRequestOptions { Timeout = TimeSpan.FromMilliseconds(200) }, caller.Token).AsTask());

        Assert.Equal("get-secret-value", ex.Command);
    }

    [Fact]
    public async Task GetSecretAsync_CallerCancelsInFlight_ThrowsOperationCanceled()
    {
        using var client = _harness.Client();
        await _harness.AuthenticateThenStallReadsAsync(client);
        using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath, cancellationToken: caller.Token).AsTask());

        Assert.IsNotType<AkeylessTimeoutException>(ex);
    }

    [Fact]
    public async Task GetSecretAsync_CallerCancels_ThrowsOperationCanceled()
    {
        using var client = _harness.Client();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath, cancellationToken: cts.Token).AsTask());
    }
}
