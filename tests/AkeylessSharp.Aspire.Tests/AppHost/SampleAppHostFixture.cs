using Aspire.Hosting;
using Aspire.Hosting.Testing;

namespace AkeylessSharp.Aspire.Tests.AppHost;

/// <summary>
/// Starts samples/Aspire/AppHost once for its tests (the orchestrator runs the web app as a process; the emulator runs
/// inside the app host) and waits until both resources are healthy. Everything is bounded by <see cref="Timeout"/>.
/// </summary>
public sealed class SampleAppHostFixture : IAsyncLifetime
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The app host has not started.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(timeout.Token);
        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("akeyless", timeout.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("web", timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
