// Every library package of AkeylessSharp on its main paths, in a Native AOT executable, against a running emulator
// started with seed.json (and a redis-server when AKEYLESS_REDIS is set). eng/aot.sh publishes and runs it:
//   AKEYLESS_API_URL=http://127.0.0.1:8080 AKEYLESS_REDIS=127.0.0.1:6379 <publish dir>/AkeylessSharp.AotSmoke
// Each check prints one "ok" line; the first mismatch exits with 1. Secret values are compared, never printed.
using AkeylessSharp.AotSmoke;

var apiUrl = Environment.GetEnvironmentVariable("AKEYLESS_API_URL") ?? "http://127.0.0.1:8080";
var redis = Environment.GetEnvironmentVariable("AKEYLESS_REDIS") is { Length: > 0 } server ? server : null;

await ClientChecks.RunAsync(apiUrl);
await CacheChecks.RunAsync(apiUrl, redis);
await DependencyInjectionChecks.RunAsync(apiUrl);
await CloudIdChecks.RunAsync(apiUrl);
await HostingChecks.RunAsync(apiUrl);
Console.WriteLine("all checks passed");
return 0;
