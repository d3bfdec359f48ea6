// The main job: a tour of AkeylessSharp against the embedded emulator (no account, no network), or against
// a real account when AKEYLESS_ACCESS_ID and AKEYLESS_ACCESS_KEY (and optionally AKEYLESS_API_URL) are set.
// Secret values are shown masked: a sample is no excuse to print secrets.
using AkeylessSharp;
using AkeylessSharp.Emulator;

var accessId = Environment.GetEnvironmentVariable("AKEYLESS_ACCESS_ID");
await using var emulator = accessId is null
    ? await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { SeedPath = Path.Combine(AppContext.BaseDirectory, "seeds", "demo.json") })
    : null;

var options = emulator is null
    ? new AkeylessClientOptions
    {
        ApiUrl = Environment.GetEnvironmentVariable("AKEYLESS_API_URL") ?? AkeylessClientOptions.DefaultApiUrl,
        AccessId = accessId,
        AccessKey = Environment.GetEnvironmentVariable("AKEYLESS_ACCESS_KEY"),
    }
    : new AkeylessClientOptions { ApiUrl = emulator.BaseUrl.ToString(), AccessId = emulator.AccessId, AccessKey = emulator.AccessKey };

Console.WriteLine(emulator is null ? $"Using Akeyless at {options.ApiUrl}" : $"Started the embedded emulator at {emulator.BaseUrl}");
using var client = new AkeylessClient(options);

var connection = await client.TestConnectionAsync();
Console.WriteLine($"Connection: {(connection.Success ? "ok" : "failed")} - {connection.Message}");
if (!connection.Success)
{
    return 1;
}

const string Root = "/quickstart";
await client.UpsertSecretAsync($"{Root}/db/password", "p@ssw0rd-1", new CreateSecretOptions { Description = "QuickStart database password", Tags = ["quickstart"] });
await client.UpsertSecretAsync($"{Root}/app/settings", """{"db":{"host":"db.local","port":5432},"features":{"beta":true}}""", new CreateSecretOptions { Format = "json" });
await client.UpdateSecretValueAsync($"{Root}/db/password", "p@ssw0rd-2");

var password = await client.GetSecretAsync($"{Root}/db/password");
Console.WriteLine($"Static secret {Root}/db/password: {Mask(password)}");

var host = await client.GetSecretAsync($"{Root}/app/settings", new SecretRequestOptions { JsonAttribute = "db.host" });
Console.WriteLine($"JSON attribute db.host of {Root}/app/settings: {host}");

var many = await client.GetSecretsAsync([$"{Root}/db/password", $"{Root}/app/settings"]);
Console.WriteLine($"Read {many.Count} secrets in one request");

var item = await client.DescribeItemAsync($"{Root}/db/password");
Console.WriteLine($"Described: {item} - '{item.Description}', tags [{string.Join(", ", item.Tags)}]");

Console.WriteLine($"Items under {Root}:");
await foreach (var listed in client.ListItemsAsync(Root))
{
    Console.WriteLine($"  {listed}");
}

if (emulator is not null)
{
    var dynamic = await client.GetDynamicSecretAsync("/demo/db/dynamic");
    Console.WriteLine($"Dynamic secret: user {dynamic.Username}, password {Mask(dynamic.Password)}, expires {dynamic.ExpiresAt:u}");

    var rotated = await client.GetRotatedSecretAsync("/demo/db/rotated");
    Console.WriteLine($"Rotated secret: user {rotated.Username}, password {Mask(rotated.Password)}");

    var detected = await client.GetAsync("/demo/db/rotated");
    Console.WriteLine($"Auto-detected /demo/db/rotated as {detected.Type}");
}

await client.DeleteItemAsync($"{Root}/app/settings");
Console.WriteLine($"Missing after delete: {await client.TryGetSecretAsync($"{Root}/app/settings") is null}");
Console.WriteLine("QuickStart finished.");
return 0;

static string Mask(string? value) => value is null ? "(none)" : $"{value[..Math.Min(2, value.Length)]}*** ({value.Length} chars)";
