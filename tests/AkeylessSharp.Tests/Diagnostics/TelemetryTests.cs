using AkeylessSharp.Diagnostics;
using AkeylessSharp.Tests.Infrastructure;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace AkeylessSharp.Tests.Diagnostics;

public sealed class TelemetryTests : IAsyncLifetime
{
    private EmulatorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task GetSecretAsync_Success_RecordsRequestAndAuthenticationMetrics()
    {
        using var requests = new MetricCollector<long>(AkeylessTelemetry.Meter, "akeyless.client.requests");
        using var durations = new MetricCollector<double>(AkeylessTelemetry.Meter, "akeyless.client.request.duration");
        using var auths = new MetricCollector<long>(AkeylessTelemetry.Meter, "akeyless.client.authentications");
        using var client = _harness.Client();

        await client.GetSecretAsync(EmulatorHarness.StaticPath);

        Assert.Contains(requests.GetMeasurementSnapshot(), m => (string?)m.Tags["akeyless.command"] == "get-secret-value" && (string?)m.Tags["akeyless.outcome"] == "success");
        Assert.Contains(durations.GetMeasurementSnapshot(), m => (string?)m.Tags["akeyless.command"] == "auth");
        Assert.Contains(auths.GetMeasurementSnapshot(), m => (string?)m.Tags["akeyless.outcome"] == "success");
    }
}
