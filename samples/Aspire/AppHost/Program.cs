var builder = DistributedApplication.CreateBuilder(args);

// The Akeyless emulator runs inside this app host: no account, no container engine, no network beyond loopback.
// Without RunAsEmulator() the resource points at a real account through the akeyless-api-url, akeyless-access-id
// and akeyless-access-key parameters (Parameters:akeyless-access-key in user secrets, for example).
var akeyless = builder.AddAkeyless("akeyless")
    .RunAsEmulator(emulator => emulator.WithSeed("seed.json"));

builder.AddProject<Projects.WebFrontend>("web")
    .WithReference(akeyless)
    .WaitFor(akeyless)
    // Resolved by the app host at start: the web app sees a plain environment variable.
    .WithEnvironment("BANNER_TEXT", akeyless.GetSecret("/storefront/banner"))
    .WithHttpHealthCheck("/health");

builder.Build().Run();
