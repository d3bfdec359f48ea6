using AkeylessSharp.Emulator;
using Microsoft.Extensions.Options;
using WebApp;

var builder = WebApplication.CreateBuilder(args);

// Without Akeyless credentials, start an in-process emulator seeded with demo data and point the provider at it.
AkeylessEmulator? emulator = null;
if (string.IsNullOrEmpty(builder.Configuration["Akeyless:AccessId"]))
{
    emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { SeedJson = DemoSeed.Json() });
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Akeyless:ApiUrl"] = emulator.BaseUrl.ToString(),
        ["Akeyless:AccessId"] = emulator.AccessId,
        ["Akeyless:AccessKey"] = emulator.AccessKey,
    });
}

// Settings come from appsettings.json / environment (Akeyless__AccessId, Akeyless__BasePaths__0, ...).
using var loggerFactory = LoggerFactory.Create(logging => logging.AddConsole());
builder.Configuration.AddAkeyless("Akeyless", options => options.LoggerFactory = loggerFactory);

builder.Services.Configure<FeatureFlags>(builder.Configuration.GetSection("FeatureFlags"));

var app = builder.Build();
if (emulator is not null)
{
    app.Lifetime.ApplicationStopped.Register(() => emulator.DisposeAsync().AsTask().GetAwaiter().GetResult());
}

app.MapGet("/", (IConfiguration configuration, IOptionsMonitor<FeatureFlags> flags) =>
    Results.Json(SettingsReport.Build((IConfigurationRoot)configuration, flags.CurrentValue)));

app.MapGet("/checkout", (IOptionsMonitor<FeatureFlags> flags) =>
    flags.CurrentValue.NewCheckout ? "New checkout experience" : "Classic checkout");

app.Run();
