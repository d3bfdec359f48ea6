using AkeylessSharp.Diagnostics;
using AkeylessSharp.Tests.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace AkeylessSharp.Tests.Diagnostics;

/// <summary>The client's own log events: their levels, how many per incident, and what they name.</summary>
public sealed class LogLevelTests : IAsyncLifetime, IDisposable
{
    private readonly FakeLogCollector _logs = new();
    private readonly ILoggerFactory _loggerFactory;
    private EmulatorHarness _harness = null!;

    public LogLevelTests() =>
        _loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs)));

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    public void Dispose() => _loggerFactory.Dispose();

    [Fact]
    public async Task GetSecretAsync_Success_CallIsDebugNamingPath()
    {
        using var client = _harness.Client(loggerFactory: _loggerFactory);
        await client.TestConnectionAsync();
        _logs.Clear();

        await client.GetSecretAsync(EmulatorHarness.StaticPath);

        var record = Assert.Single(_logs.GetSnapshot());
        Assert.Equal(100, record.Id.Id);
        Assert.Equal(LogLevel.Debug, record.Level);
        Assert.StartsWith($"Akeyless get-secret-value on {EmulatorHarness.StaticPath} succeeded in ", record.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticate_Success_InformationNamingTheAccessTypeAsTheReferenceDoes()
    {
        using var client = _harness.Client(loggerFactory: _loggerFactory);

        var test = await client.TestConnectionAsync();

        var record = Assert.Single(_logs.GetSnapshot(), static r => r.Id.Id == 200);
        Assert.Equal(LogLevel.Information, record.Level);
        Assert.StartsWith("Authenticated to Akeyless with access type access_key;", record.Message, StringComparison.Ordinal);
        Assert.Contains("access type access_key", test.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryGetSecretAsync_NotFound_OneDebugLineNoWarning()
    {
        using var client = _harness.Client(loggerFactory: _loggerFactory);
        await client.TestConnectionAsync();
        _logs.Clear();

        Assert.Null(await client.TryGetSecretAsync("/missing"));

        var record = Assert.Single(_logs.GetSnapshot());
        Assert.Equal(103, record.Id.Id);
        Assert.Equal(LogLevel.Debug, record.Level);
        Assert.Equal("Akeyless get-secret-value: /missing does not exist (the caller asked whether it does)", record.Message);
    }

    [Fact]
    public async Task GetSecretAsync_NotFound_OneWarningWithStatus()
    {
        using var client = _harness.Client(loggerFactory: _loggerFactory);
        await client.TestConnectionAsync();
        _logs.Clear();

        await Assert.ThrowsAsync<AkeylessNotFoundException>(() => client.GetSecretAsync("/missing").AsTask());

        var record = Assert.Single(_logs.GetSnapshot());
        Assert.Equal((101, LogLevel.Warning), (record.Id.Id, record.Level));
        Assert.StartsWith("Akeyless get-secret-value on /missing failed with status 404: ", record.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSecretsAsync_Batch_SaysHowManyPathsAndNeverNull()
    {
        using var client = _harness.Client(loggerFactory: _loggerFactory);

        await client.GetSecretsAsync([EmulatorHarness.StaticPath, "/app/other", "/app/sub/deeper"]);

        var records = _logs.GetSnapshot();
        Assert.Equal("Akeyless auth on 127.0.0.1 succeeded in ", records.Single(r => r.Id.Id == 100 && r.Message.Contains(" auth ", StringComparison.Ordinal)).Message[..40]);
        Assert.Contains(records, r => r.Id.Id == 100 && r.Message.StartsWith("Akeyless get-secret-value on 3 paths succeeded in ", StringComparison.Ordinal));
        Assert.DoesNotContain(records, r => r.Message.Contains("(null)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TokenRevoked_HundredConcurrentCallers_OneWarningForTheIncident()
    {
        // The client keeps its own clock, so it still believes the token valid after the emulator's clock passed its expiry.
        using var client = new AkeylessClient(_harness.Options(), _loggerFactory, new FakeTimeProvider(_harness.Time.GetUtcNow()));
        await client.TestConnectionAsync();
        _harness.Time.Advance(TimeSpan.FromHours(2));
        _logs.Clear();

        var values = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask()));

        Assert.All(values, v => Assert.Equal(EmulatorHarness.StaticValue, v));
        var warning = Assert.Single(_logs.GetSnapshot(), r => r.Level >= LogLevel.Warning);
        Assert.Equal(202, warning.Id.Id);
        Assert.Single(_logs.GetSnapshot(), r => r.Level == LogLevel.Information);
        Assert.Equal(2, _harness.Emulator.Counters.Get("auth"));
    }

    [Fact]
    public async Task Retries_ClientWithoutDI_OneWarningPerRetryWithAttemptDelayAndReason()
    {
        using var client = _harness.Client(o => o.RetryBaseDelay = TimeSpan.FromMilliseconds(1), _loggerFactory);
        await client.TestConnectionAsync();
        _harness.Emulator.Faults.FailNext("get-secret-value", 2, 503);
        _logs.Clear();

        await client.GetSecretAsync(EmulatorHarness.StaticPath);

        var retries = _logs.GetSnapshot().Where(r => r.Level == LogLevel.Warning).ToList();
        Assert.Equal([105, 105], retries.Select(r => r.Id.Id));
        Assert.Equal(["1", "2"], retries.Select(r => r.GetStructuredStateValue("Attempt")));
        Assert.All(retries, r => Assert.Equal("503", r.GetStructuredStateValue("Reason")));
        Assert.All(retries, r => Assert.Equal("get-secret-value", r.GetStructuredStateValue("Command")));
        Assert.All(retries, r => Assert.True(double.Parse(r.GetStructuredStateValue("DelayMs")!, System.Globalization.CultureInfo.InvariantCulture) >= 0));
        Assert.StartsWith("Akeyless get-secret-value failed with 503; retry 1 of 3 in ", retries[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authentication_BadCredentialsUnderConcurrentCallers_OneWarning()
    {
        using var client = _harness.Client(o => o.AccessKey = "wrong-access-key", _loggerFactory);

        // The refusal waits until every caller has joined the one authentication in flight, however slowly this loop runs.
        _harness.Emulator.Faults.AddLatency("auth", TimeSpan.FromSeconds(1));
        var reads = Enumerable.Range(0, 20).Select(_ => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask()).ToList();
        foreach (var read in reads)
        {
            await Assert.ThrowsAsync<AkeylessUnauthorizedException>(() => read);
        }

        Assert.Equal(1, _harness.Emulator.Counters.Get("auth"));
        var warning = Assert.Single(_logs.GetSnapshot(), r => r.Level >= LogLevel.Warning);
        Assert.Equal(201, warning.Id.Id);
    }

    [Fact]
    public async Task Authentication_FailingBeforeAuthIsSent_OneWarning()
    {
        // The authenticator fails on its own source (here the JWT variable is unset) before any /auth call: the token
        // manager reports it (201); the read that waited for the token does not report it again.
        using var client = _harness.Client(
            o =>
            {
                o.AccessType = AkeylessAccessType.Jwt;
                o.Jwt = null;
                o.JwtEnvironmentVariable = "AKEYLESS_SHARP_TEST_VARIABLE_NEVER_SET";
            },
            _loggerFactory);

        await Assert.ThrowsAsync<AkeylessConfigurationException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());

        var warning = Assert.Single(_logs.GetSnapshot(), r => r.Level >= LogLevel.Warning);
        Assert.Equal(201, warning.Id.Id);
        Assert.Equal(0, _harness.Emulator.Counters.Get("auth"));
    }

    [Fact]
    public async Task TestConnectionAsync_AuthenticationFailing_OneWarningPerProbe()
    {
        using var client = _harness.Client(o => o.AccessKey = "wrong-access-key", _loggerFactory);

        for (var probe = 0; probe < 3; probe++)
        {
            Assert.False((await client.TestConnectionAsync()).Success);
        }

        var warnings = _logs.GetSnapshot().Where(r => r.Level >= LogLevel.Warning).ToList();
        Assert.Equal([201, 201, 201], warnings.Select(r => r.Id.Id));
        Assert.Equal(3, _logs.GetSnapshot().Count(r => r.Id.Id == 302 && r.Level == LogLevel.Debug));
    }

    [Fact]
    public async Task HealthCheck_AuthenticationFailing_OneWarningPerProbe()
    {
        using var client = _harness.Client(o => o.AccessKey = "wrong-access-key", _loggerFactory);
        var check = new AkeylessHealthCheck(client, new AkeylessHealthCheckOptions { ResultCacheDuration = TimeSpan.Zero }, _harness.Time);
        var context = new HealthCheckContext
        {
            Registration = new("akeyless", check, HealthStatus.Unhealthy, null),
        };

        for (var probe = 0; probe < 2; probe++)
        {
            Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(context)).Status);
        }

        Assert.Equal(2, _logs.GetSnapshot().Count(r => r.Level >= LogLevel.Warning));
    }

    [Theory]
    [InlineData("status")]
    [InlineData("abort")]
    [InlineData("timeout")]
    public async Task TestConnectionAsync_ServiceFailingAfterAuthentication_OneWarningPerProbe(string fault)
    {
        Action<AkeylessClientOptions> configure = o => { o.MaxRetries = 1; o.RetryBaseDelay = TimeSpan.Zero; o.AttemptTimeout = TimeSpan.FromMilliseconds(200); };

        // The emulator's latency is real time, so the attempt timeout must be too.
        using var client = fault == "timeout" ? new AkeylessClient(_harness.Options(configure), _loggerFactory, TimeProvider.System) : _harness.Client(configure, _loggerFactory);
        await client.TestConnectionAsync();
        InjectProbeFault(fault, attempts: 4);
        _logs.Clear();

        for (var probe = 0; probe < 2; probe++)
        {
            Assert.False((await client.TestConnectionAsync()).Success);
        }

        var warnings = _logs.GetSnapshot().Where(r => r.Level >= LogLevel.Warning).ToList();
        Assert.Equal([302, 302], warnings.Select(r => r.Id.Id));
        Assert.Equal(2, _logs.GetSnapshot().Count(r => (r.Id.Id, r.Level) == (107, LogLevel.Debug)));
        Assert.Equal(2, _logs.GetSnapshot().Count(r => (r.Id.Id, r.Level) == (105, LogLevel.Debug)));
    }

    [Fact]
    public async Task HealthCheck_ServiceFailingAfterAuthentication_OneWarningPerProbe()
    {
        using var client = _harness.Client(o => { o.MaxRetries = 1; o.RetryBaseDelay = TimeSpan.Zero; }, _loggerFactory);
        var check = new AkeylessHealthCheck(client, new AkeylessHealthCheckOptions { ResultCacheDuration = TimeSpan.Zero }, _harness.Time);
        var context = new HealthCheckContext { Registration = new("akeyless", check, HealthStatus.Unhealthy, null) };
        await client.TestConnectionAsync();
        InjectProbeFault("status", attempts: 4);
        _logs.Clear();

        for (var probe = 0; probe < 2; probe++)
        {
            Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(context)).Status);
        }

        Assert.Equal([302, 302], _logs.GetSnapshot().Where(r => r.Level >= LogLevel.Warning).Select(r => r.Id.Id));
    }

    [Theory]
    [InlineData("/app/no-such-secret", 0)]
    [InlineData(EmulatorHarness.StaticPath, 4)]
    public async Task HealthCheck_ProbeSecretFailing_OneWarningPerProbe(string probeSecret, int serverErrors)
    {
        using var client = _harness.Client(o => { o.MaxRetries = 1; o.RetryBaseDelay = TimeSpan.Zero; }, _loggerFactory);
        var check = new AkeylessHealthCheck(client, new AkeylessHealthCheckOptions { ResultCacheDuration = TimeSpan.Zero, ProbeSecretPath = probeSecret }, _harness.Time);
        var context = new HealthCheckContext { Registration = new("akeyless", check, HealthStatus.Unhealthy, null) };
        await client.TestConnectionAsync();
        if (serverErrors > 0)
        {
            _harness.Emulator.Faults.FailNext("get-secret-value", serverErrors, 500);
        }

        _logs.Clear();

        for (var probe = 0; probe < 2; probe++)
        {
            Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(context)).Status);
        }

        var warnings = _logs.GetSnapshot().Where(r => r.Level >= LogLevel.Warning).ToList();
        Assert.Equal([302, 302], warnings.Select(r => r.Id.Id));
        Assert.All(warnings, w => Assert.Contains("probe secret", w.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetSecretAsync_AfterAProbeSecretFailed_StillWarnsForItsOwnFailure()
    {
        using var client = _harness.Client(o => o.MaxRetries = 0, _loggerFactory);
        var check = new AkeylessHealthCheck(client, new AkeylessHealthCheckOptions { ResultCacheDuration = TimeSpan.Zero, ProbeSecretPath = "/app/no-such-secret" }, _harness.Time);
        await check.CheckHealthAsync(new HealthCheckContext { Registration = new("akeyless", check, HealthStatus.Unhealthy, null) });
        _logs.Clear();

        await Assert.ThrowsAsync<AkeylessNotFoundException>(() => client.GetSecretAsync("/app/no-such-secret").AsTask());

        Assert.Contains(_logs.GetSnapshot(), r => (r.Id.Id, r.Level) == (101, LogLevel.Warning));
    }

    [Fact]
    public async Task GetSecretAsync_AfterAFailedProbe_StillWarnsForItsOwnFailure()
    {
        using var client = _harness.Client(o => o.MaxRetries = 0, _loggerFactory);
        await client.TestConnectionAsync();
        InjectProbeFault("status", attempts: 1);
        Assert.False((await client.TestConnectionAsync()).Success);
        _harness.Emulator.Faults.FailNext("get-secret-value", 1, 500);
        _logs.Clear();

        await Assert.ThrowsAsync<AkeylessServiceUnavailableException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());

        Assert.Contains(_logs.GetSnapshot(), r => (r.Id.Id, r.Level) == (101, LogLevel.Warning));
    }

    [Fact]
    public async Task TestConnectionAsync_ServiceFailingAfterAuthentication_StillWarns()
    {
        using var client = _harness.Client(o => o.MaxRetries = 0, _loggerFactory);
        await client.TestConnectionAsync();
        _harness.Emulator.Faults.FailNext("list-items", 1, 500);
        _logs.Clear();

        Assert.False((await client.TestConnectionAsync()).Success);

        Assert.Contains(_logs.GetSnapshot(), r => (r.Id.Id, r.Level) == (302, LogLevel.Warning));
    }

    private void InjectProbeFault(string fault, int attempts)
    {
        switch (fault)
        {
            case "status":
                _harness.Emulator.Faults.FailNext("list-items", attempts, 500);
                break;
            case "abort":
                _harness.Emulator.Faults.AbortNext("list-items", attempts);
                break;
            default:
                _harness.Emulator.Faults.AddLatency("list-items", TimeSpan.FromSeconds(2));
                break;
        }
    }
}
