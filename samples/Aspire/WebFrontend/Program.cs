using AkeylessSharp;
using WebFrontend;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();

// ConnectionStrings:akeyless comes from the app host's WithReference(akeyless).
builder.AddAkeylessClient("akeyless");
builder.Configuration.AddAkeylessSecrets("akeyless");

var app = builder.Build();
app.MapDefaultEndpoints();

app.MapGet("/settings", async (IAkeylessClient akeyless, IConfiguration configuration, CancellationToken cancellationToken) =>
    await StorefrontSettings.ReadAsync(akeyless, configuration, cancellationToken));

app.MapGet("/", async (IAkeylessClient akeyless, IConfiguration configuration, CancellationToken cancellationToken) =>
    Results.Content(StorefrontPage.Render(await StorefrontSettings.ReadAsync(akeyless, configuration, cancellationToken)), "text/html"));

app.Run();
