using AkeylessSharp.Emulator;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
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

// The same settings give an IAkeylessClient for the app's own reads and for the readiness check.
builder.Services.AddAkeyless(builder.Configuration.GetSection("Akeyless"));
builder.Services.AddHealthChecks().AddAkeyless(tags: ["ready"]);

// AkeylessSharp's spans and metrics on the console; point an OTLP exporter at a collector instead in production.
if (builder.Configuration.GetValue("Telemetry:Console", defaultValue: true))
{
    builder.Services.AddOpenTelemetry()
        .WithTracing(tracing => tracing.AddSource("AkeylessSharp").AddConsoleExporter())
        .WithMetrics(metrics => metrics.AddMeter("AkeylessSharp").AddConsoleExporter());
}

var app = builder.Build();
if (emulator is not null)
{
    app.Lifetime.ApplicationStopped.Register(() => emulator.DisposeAsync().AsTask().GetAwaiter().GetResult());
}

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });

app.MapGet("/", (IConfiguration configuration, IOptionsMonitor<FeatureFlags> flags) =>
    Results.Json(SettingsReport.Build((IConfigurationRoot)configuration, flags.CurrentValue)));

app.MapGet("/checkout", (IOptionsMonitor<FeatureFlags> flags) =>
    flags.CurrentValue.NewCheckout ? "New checkout experience" : "Classic checkout");

app.Run();
