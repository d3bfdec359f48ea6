using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Eventing;
using AkeylessSharp.Aspire.Hosting;
using AkeylessSharp.Aspire.Hosting.Internal;
using AkeylessSharp.Aspire.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AkeylessSharp.Aspire.Tests.Hosting;

/// <summary>
/// The emulator resource's life as the app host drives it (the initialize event, then state updates), in process and
/// without the orchestrator: start, dashboard state, connection string, failure, and stop with the app host.
/// </summary>
public sealed class EmulatorLifecycleTests
{
    private static async Task<CustomResourceSnapshot> InitializeAsync(DistributedApplication app, AkeylessResource resource)
    {
        var notifications = app.Services.GetRequiredService<ResourceNotificationService>();
        var initialize = new InitializeResourceEvent(
            resource,
            app.Services.GetRequiredService<IDistributedApplicationEventing>(),
            app.Services.GetRequiredService<ResourceLoggerService>(),
            notifications,
            app.Services);

        await ResourceStartup.InitializeAsync(resource, initialize, CancellationToken.None);

        Assert.True(notifications.TryGetCurrentState(resource.Name, out var current));
        return current.Snapshot;
    }

    [Fact]
    public async Task Initialize_StartsTheEmulator_PublishesRunningWithItsUrl_AndStopsItWithTheAppHost()
    {
        var builder = DistributedApplication.CreateBuilder();
        var akeyless = builder.AddAkeyless("akeyless").RunAsEmulator(e => e.WithSeedJson(EmulatorSeed.Json(("/app/greeting", "hi"))));
        AkeylessClient client;
        await using (var app = builder.Build())
        {
            var snapshot = await InitializeAsync(app, akeyless.Resource);

            Assert.Equal(KnownResourceStates.Running, snapshot.State?.Text);
            Assert.Equal("Akeyless emulator", snapshot.ResourceType);
            var url = Assert.Single(snapshot.Urls).Url;
            var options = AkeylessClientOptions.FromConnectionString((await akeyless.Resource.ConnectionStringExpression.GetValueAsync(default))!);
            Assert.Equal(url, options.ApiUrl.TrimEnd('/') + "/");
            options.MaxRetries = 0;
            client = new AkeylessClient(options);
            Assert.Equal("hi", await client.GetSecretAsync("/app/greeting"));
        }

        using (client)
        {
            await Assert.ThrowsAnyAsync<AkeylessException>(() => client.GetSecretAsync("/app/greeting", new SecretRequestOptions()).AsTask());
        }
    }

    [Fact]
    public async Task Initialize_WithAMissingSeedFile_PublishesFailedToStart_AndFailsTheConnectionString()
    {
        var builder = DistributedApplication.CreateBuilder();
        var akeyless = builder.AddAkeyless("akeyless").RunAsEmulator(e => e.WithSeed("no-such-seed.json"));
        await using var app = builder.Build();

        var snapshot = await InitializeAsync(app, akeyless.Resource);

        Assert.Equal(KnownResourceStates.FailedToStart, snapshot.State?.Text);
        Assert.Empty(snapshot.Urls);
        await Assert.ThrowsAnyAsync<Exception>(() => akeyless.Resource.ConnectionStringExpression.GetValueAsync(default).AsTask());
    }

    [Fact]
    public async Task Initialize_OfAnAccount_PublishesRunningWithTheParameterUrl()
    {
        var builder = DistributedApplication.CreateBuilder();
        builder.Configuration["Parameters:akeyless-api-url"] = "https://gw.example.test:8000";
        var akeyless = builder.AddAkeyless("akeyless");
        await using var app = builder.Build();

        var snapshot = await InitializeAsync(app, akeyless.Resource);

        Assert.Equal(KnownResourceStates.Running, snapshot.State?.Text);
        Assert.Equal("https://gw.example.test:8000", Assert.Single(snapshot.Urls).Url);
    }

    [Fact]
    public async Task WithDataFile_CreatesItsFolder_AndKeepsSecretsAcrossAppHostRuns()
    {
        var folder = Path.Combine(Path.GetTempPath(), "akeyless-aspire-" + Guid.NewGuid().ToString("N"));
        var dataFile = Path.Combine(folder, "data", "akeyless.db");
        try
        {
            await RunOnceAsync(dataFile, client => client.CreateSecretAsync("/app/created", "kept"));
            string? kept = null;
            await RunOnceAsync(dataFile, async client => kept = await client.GetSecretAsync("/app/created"));

            Assert.Equal("kept", kept);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task RunOnceAsync(string dataFile, Func<AkeylessClient, Task> use)
    {
        var builder = DistributedApplication.CreateBuilder();
        var akeyless = builder.AddAkeyless("akeyless").RunAsEmulator(e => e.WithDataFile(dataFile));
        await using var app = builder.Build();
        var snapshot = await InitializeAsync(app, akeyless.Resource);
        Assert.Equal(KnownResourceStates.Running, snapshot.State?.Text);
        using var client = new AkeylessClient(AkeylessClientOptions.FromConnectionString((await akeyless.Resource.ConnectionStringExpression.GetValueAsync(default))!));
        await use(client);
    }
}
