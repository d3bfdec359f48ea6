using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AkeylessSharp.Aspire.Tests.AppHost;

/// <summary>The sample app host, end to end: emulator resource, web app reading through the client integration, commands.</summary>
public sealed class SampleAppHostTests(SampleAppHostFixture fixture) : IClassFixture<SampleAppHostFixture>
{
    [Fact]
    public async Task WebApp_ShowsValuesSeededInTheEmulator_ThroughClientConfigurationAndSecretReference()
    {
        using var timeout = new CancellationTokenSource(SampleAppHostFixture.Timeout);
        using var http = fixture.App.CreateHttpClient("web");

        var settings = await http.GetFromJsonAsync<JsonElement>("/settings", timeout.Token);

        Assert.Equal("Hello from the Akeyless emulator", settings.GetProperty("greeting").GetString());
        Assert.Equal("Free shipping this week", settings.GetProperty("banner").GetString());
        Assert.True(settings.GetProperty("newCheckout").GetBoolean());
        Assert.Equal(50, settings.GetProperty("maxCartItems").GetInt32());
        Assert.True(settings.GetProperty("paymentsKeyLoaded").GetBoolean());
    }

    [Fact]
    public async Task WebPage_ShowsTheSeededGreeting_AndNeverTheSecretKey()
    {
        using var timeout = new CancellationTokenSource(SampleAppHostFixture.Timeout);
        using var http = fixture.App.CreateHttpClient("web");

        var page = await http.GetStringAsync("/", timeout.Token);

        Assert.Contains("Hello from the Akeyless emulator", page, StringComparison.Ordinal);
        Assert.DoesNotContain("demo-payments-key", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_InjectA503_ThenClearFaults_AndCountRequests()
    {
        using var timeout = new CancellationTokenSource(SampleAppHostFixture.Timeout);
        var commands = fixture.App.Services.GetRequiredService<ResourceCommandService>();
        var connectionString = await fixture.App.GetConnectionStringAsync("akeyless", timeout.Token);
        var options = AkeylessClientOptions.FromConnectionString(connectionString!);
        options.MaxRetries = 0;
        using var client = new AkeylessClient(options);

        Assert.True((await commands.ExecuteCommandAsync("akeyless", "akeyless-reset-counters", timeout.Token)).Success);
        Assert.True((await commands.ExecuteCommandAsync("akeyless", "akeyless-inject-503", timeout.Token)).Success);
        var failure = await Assert.ThrowsAnyAsync<AkeylessException>(() => client.GetSecretAsync("/storefront/greeting", cancellationToken: timeout.Token).AsTask());
        Assert.True((await commands.ExecuteCommandAsync("akeyless", "akeyless-clear-faults", timeout.Token)).Success);
        var value = await client.GetSecretAsync("/storefront/greeting", cancellationToken: timeout.Token);
        var counters = await commands.ExecuteCommandAsync("akeyless", "akeyless-show-counters", timeout.Token);

        Assert.Contains("503", failure.Message, StringComparison.Ordinal);
        Assert.Equal("Hello from the Akeyless emulator", value);
        Assert.Contains("get-secret-value: 2", counters.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmulatorResource_IsRunningWithItsUrlInTheDashboard()
    {
        using var timeout = new CancellationTokenSource(SampleAppHostFixture.Timeout);

        var resourceEvent = await fixture.App.ResourceNotifications.WaitForResourceAsync("akeyless", e => e.Snapshot.State?.Text == KnownResourceStates.Running, timeout.Token);

        var url = Assert.Single(resourceEvent.Snapshot.Urls);
        Assert.StartsWith("http://127.0.0.1:", url.Url, StringComparison.Ordinal);
        Assert.Equal("Akeyless emulator", resourceEvent.Snapshot.ResourceType);
    }
}
