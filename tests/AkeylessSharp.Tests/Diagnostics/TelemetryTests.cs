using AkeylessSharp.Diagnostics;
using AkeylessSharp.Tests.Infrastructure;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace AkeylessSharp.Tests.Diagnostics;

/// <summary>Metric tags: command, server, and error.type only on failure (no mixed outcome tag).</summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private EmulatorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task GetSecretAsync_Success_RequestTagsWithoutErrorType()
    {
        using var requests = new MetricCollector<long>(AkeylessTelemetry.Meter, "akeyless.client.requests");
        using var durations = new MetricCollector<double>(AkeylessTelemetry.Meter, "akeyless.client.request.duration");
        using var auths = new MetricCollector<long>(AkeylessTelemetry.Meter, "akeyless.client.authentications");
        using var client = _harness.Client();

        await client.GetSecretAsync(EmulatorHarness.StaticPath);

        var read = Assert.Single(Mine(requests.GetMeasurementSnapshot()), m => (string?)m.Tags["akeyless.command"] == "get-secret-value");
        Assert.Equal(1, read.Value);
        Assert.Equal(
            ["akeyless.command", "server.address", "server.port"],
            read.Tags.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("127.0.0.1", read.Tags["server.address"]);
        Assert.Single(Mine(durations.GetMeasurementSnapshot()), m => (string?)m.Tags["akeyless.command"] == "auth" && !m.Tags.ContainsKey("error.type"));
        Assert.Contains(auths.GetMeasurementSnapshot(), m => (string?)m.Tags["akeyless.access_type"] == "access_key" && !m.Tags.ContainsKey("error.type"));
        Assert.DoesNotContain(requests.GetMeasurementSnapshot(), m => m.Tags.ContainsKey("akeyless.outcome"));
    }

    [Theory]
    [InlineData("/missing", "404")]
    [InlineData(EmulatorHarness.StaticPath, "503")]
    public async Task GetSecretAsync_Failure_ErrorTypeTag(string path, string errorType)
    {
        using var requests = new MetricCollector<long>(AkeylessTelemetry.Meter, "akeyless.client.requests");
        using var client = _harness.Client(o => o.MaxRetries = 0);
        await client.TestConnectionAsync();
        if (errorType == "503")
        {
            _harness.Emulator.Faults.FailNext("get-secret-value", 1, 503);
        }

        await Assert.ThrowsAnyAsync<AkeylessException>(() => client.GetSecretAsync(path).AsTask());

        var read = Assert.Single(Mine(requests.GetMeasurementSnapshot()), m => (string?)m.Tags["akeyless.command"] == "get-secret-value");
        Assert.Equal(errorType, read.Tags["error.type"]);
    }

    [Fact]
    public async Task TryGetSecretAsync_NotFound_CountsAsAnAnswerNotAnError()
    {
        using var requests = new MetricCollector<long>(AkeylessTelemetry.Meter, "akeyless.client.requests");
        using var client = _harness.Client();

        Assert.Null(await client.TryGetSecretAsync("/missing"));

        var read = Assert.Single(Mine(requests.GetMeasurementSnapshot()), m => (string?)m.Tags["akeyless.command"] == "get-secret-value");
        Assert.False(read.Tags.ContainsKey("error.type"));
    }

    [Fact]
    public async Task BadCredentials_AuthenticationCounterCarries401()
    {
        using var auths = new MetricCollector<long>(AkeylessTelemetry.Meter, "akeyless.client.authentications");
        using var client = _harness.Client(o => o.AccessKey = "wrong-access-key");

        await client.TestConnectionAsync();

        // Other tests' successful authentications (no error.type) land on the same process-wide meter.
        Assert.Contains(auths.GetMeasurementSnapshot(), m => m.Tags.TryGetValue("error.type", out var type) && (string?)type == "401");
    }

    // The meter is process-wide and tests run in parallel: keep this emulator's measurements.
    private IEnumerable<CollectedMeasurement<T>> Mine<T>(IEnumerable<CollectedMeasurement<T>> all)
        where T : struct =>
        all.Where(m => Equals(m.Tags["server.port"], _harness.Emulator.BaseUrl.Port));
}
