// The main job: a tour of AkeylessSharp against the embedded emulator (no account, no network).
// Only with --use-environment does it talk to the account named by AKEYLESS_ACCESS_ID / AKEYLESS_ACCESS_KEY
// (and AKEYLESS_API_URL); it then writes under /quickstart and removes what it wrote before it ends.
// Secret values are shown masked: a sample is no excuse to print secrets.
using AkeylessSharp;
using AkeylessSharp.Emulator;
using Microsoft.Extensions.Logging;
using QuickStart;

var useEnvironment = args.Contains("--use-environment");
if (args.Any(a => a is not "--use-environment"))
{
    Console.Error.WriteLine("usage: QuickStart [--use-environment]");
    return 2;
}

await using var emulator = useEnvironment
    ? null
    : await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions
    {
        SeedPath = Path.Combine(AppContext.BaseDirectory, "seeds", "demo.json"),
        ConfigureLogging = logging => logging.SetMinimumLevel(LogLevel.Warning),
    });

AkeylessClientOptions options;
if (emulator is not null)
{
    options = new AkeylessClientOptions { ApiUrl = emulator.BaseUrl.ToString(), AccessId = emulator.AccessId, AccessKey = emulator.AccessKey };
}
else if (Environment.GetEnvironmentVariable("AKEYLESS_ACCESS_ID") is { Length: > 0 } accessId)
{
    options = new AkeylessClientOptions
    {
        ApiUrl = Environment.GetEnvironmentVariable("AKEYLESS_API_URL") ?? AkeylessClientOptions.DefaultApiUrl,
        AccessId = accessId,
        AccessKey = Environment.GetEnvironmentVariable("AKEYLESS_ACCESS_KEY"),
    };
}
else
{
    Console.Error.WriteLine("--use-environment needs AKEYLESS_ACCESS_ID and AKEYLESS_ACCESS_KEY (and optionally AKEYLESS_API_URL).");
    return 2;
}

var tour = new Tour();
tour.Step(emulator is null ? $"Using the Akeyless account at {options.ApiUrl}" : $"Started the embedded emulator at {emulator.BaseUrl}");
using var client = new AkeylessClient(options);

var connection = await client.TestConnectionAsync();
tour.Step($"Authenticated and reached Akeyless: {(connection.Success ? "ok" : "failed")} - {connection.Message}");
if (!connection.Success)
{
    return 1;
}

const string Root = "/quickstart";
string[] written = [$"{Root}/db/password", $"{Root}/app/settings"];
try
{
    await client.UpsertSecretAsync(written[0], "p@ssw0rd-1", new CreateSecretOptions { Description = "QuickStart database password", Tags = ["quickstart"] });
    await client.UpsertSecretAsync(written[1], """{"db":{"host":"db.local","port":5432},"features":{"beta":true}}""", new CreateSecretOptions { Format = "json" });
    await client.UpdateSecretValueAsync(written[0], "p@ssw0rd-2");
    tour.Step($"Wrote {written[0]} (two versions) and {written[1]} (JSON)");

    var password = await client.GetSecretAsync(written[0]);
    tour.Step($"Read the static secret {written[0]}: {Tour.Mask(password)}, {(password == "p@ssw0rd-2" ? "the latest version written" : "NOT the latest version written")}");

    var host = await client.GetSecretAsync(written[1], new SecretRequestOptions { JsonAttribute = "db.host" });
    tour.Step($"Read the JSON attribute db.host of {written[1]}: {host}");

    var many = await client.GetSecretsAsync(written);
    tour.Step($"Read {many.Count} secrets in one request");

    var item = await client.DescribeItemAsync(written[0]);
    tour.Step($"Described {item} - '{item.Description}', tags [{string.Join(", ", item.Tags)}]");

    tour.Step($"Listed the items under {Root}:");
    await foreach (var listed in client.ListItemsAsync(Root))
    {
        Console.WriteLine($"     {listed}");
    }

    if (emulator is not null)
    {
        var dynamic = await client.GetDynamicSecretAsync("/demo/db/dynamic");
        tour.Step($"Dynamic secret: user {dynamic.Username}, password {Tour.Mask(dynamic.Password)}, expires {dynamic.ExpiresAt:u}");

        var rotated = await client.GetRotatedSecretAsync("/demo/db/rotated");
        tour.Step($"Rotated secret: user {rotated.Username}, password {Tour.Mask(rotated.Password)}");

        var detected = await client.GetAsync("/demo/db/rotated");
        tour.Step($"Auto-detected /demo/db/rotated as {detected.Type}");
    }
}
finally
{
    foreach (var path in written)
    {
        try
        {
            await client.DeleteItemAsync(path);
        }
        catch (AkeylessNotFoundException)
        {
            // Never written: the tour stopped before that step.
        }
    }

    tour.Step($"Removed what the tour wrote under {Root}");
}

tour.Step($"Missing after delete: {await client.TryGetSecretAsync(written[1]) is null}");
Console.WriteLine("""

    QuickStart finished. Next:
      dotnet run --project samples/WebApp                  an ASP.NET Core app configured from Akeyless (/health, traces)
      dotnet run --project src/AkeylessSharp.Cli -- --help the akeyless-sharp command line
      README.md                                            caching, configuration provider, DI, observability
    """);
return 0;
