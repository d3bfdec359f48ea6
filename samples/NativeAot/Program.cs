// The three main paths of AkeylessSharp in a Native AOT executable, against a running emulator:
//   dotnet publish samples/NativeAot -c Release && AKEYLESS_API_URL=http://127.0.0.1:8080 <publish dir>/NativeAot
// Each check prints one "ok" line; any mismatch exits with 1. Secret values are compared, never printed.
using System.Diagnostics;
using AkeylessSharp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

var apiUrl = Environment.GetEnvironmentVariable("AKEYLESS_API_URL") ?? "http://127.0.0.1:8080";
var settings = new ConfigurationBuilder()
    .AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Akeyless:ApiUrl"] = apiUrl,
        ["Akeyless:AccessId"] = Environment.GetEnvironmentVariable("AKEYLESS_ACCESS_ID") ?? "p-akeylessemu1a0",
        ["Akeyless:AccessKey"] = Environment.GetEnvironmentVariable("AKEYLESS_ACCESS_KEY") ?? "ZW11bGF0b3ItZGV2LWFjY2Vzcy1rZXk=",
        ["Akeyless:BasePaths:0"] = "/native-aot/app",
        ["Akeyless:Cache:StaticSecretTtl"] = "00:05:00",
    })
    .Build();
var section = settings.GetSection("Akeyless");
var expected = Guid.NewGuid().ToString("N");

// 1. The client alone.
var options = new AkeylessClientOptions { ApiUrl = section["ApiUrl"]!, AccessId = section["AccessId"], AccessKey = section["AccessKey"] };
using (var client = new AkeylessClient(options))
{
    await client.UpsertSecretAsync("/native-aot/app/Db/Password", expected);
    var value = await client.GetSecretAsync("/native-aot/app/Db/Password");
    Check(value == expected, $"client: first secret after {StartupTime().TotalMilliseconds:F0} ms");
}

// 2. Dependency injection from the section, with the memory cache: the second read is a cache hit.
var services = new ServiceCollection();
services.AddAkeyless(section).AddMemoryCache();
await using (var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }))
{
    var client = provider.GetRequiredService<IAkeylessClient>();
    var first = await client.GetSecretAsync("/native-aot/app/Db/Password");
    var cached = client.GetSecretAsync("/native-aot/app/Db/Password");
    Check(cached.IsCompletedSuccessfully && first == expected && await cached == expected, "di: AddAkeyless(section).AddMemoryCache()");
}

// 3. The configuration provider, every setting from the section: /native-aot/app/Db/Password -> Db:Password.
var configuration = new ConfigurationBuilder().AddAkeyless(section).Build();
Check(configuration["Db:Password"] == expected, "configuration: AddAkeyless(section)");

Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB");
return 0;

static TimeSpan StartupTime() => DateTime.Now - Process.GetCurrentProcess().StartTime;

static void Check(bool condition, string what)
{
    if (!condition)
    {
        Console.WriteLine($"FAILED {what}");
        Environment.Exit(1);
    }

    Console.WriteLine($"ok {what}");
}
