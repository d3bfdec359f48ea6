using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AkeylessSharp.Emulator;
using Microsoft.Extensions.Logging;

// Update cost by history length: one static secret on a SQLite data file, updated N times with 1 KB values,
// every version kept. Prints the median update time over the first and the last 100 updates (medians, because
// fsync times on a shared machine have a long tail), and the file size.
//   dotnet run -c Release --project bench/AkeylessSharp.Emulator.UpdateCost [-- 3000]
var updates = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3000;
var dir = Directory.CreateTempSubdirectory("akeyless-update-cost-");
var dataPath = Path.Combine(dir.FullName, "emulator.db");
try
{
    await using var emulator = await AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions
    {
        DataPath = dataPath,
        MaxVersionsPerItem = updates + 1,
        ConfigureLogging = b => b.ClearProviders(),
    });
    using var http = new HttpClient { BaseAddress = emulator.BaseUrl };
    var auth = await Post(http, "auth", new JsonObject { ["access-id"] = emulator.AccessId, ["access-key"] = emulator.AccessKey });
    var token = auth["token"]!.GetValue<string>();
    var value = new string('v', 1024);
    await Post(http, "create-secret", new JsonObject { ["token"] = token, ["name"] = "/bench/history", ["value"] = value });

    var times = new double[updates];
    for (var i = 0; i < updates; i++)
    {
        var started = Stopwatch.GetTimestamp();
        await Post(http, "update-secret-val", new JsonObject { ["token"] = token, ["name"] = "/bench/history", ["value"] = value[..1000] + i.ToString("D24", CultureInfo.InvariantCulture) });
        times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    var window = Math.Min(100, updates);
    Console.WriteLine(FormattableString.Invariant($"updates: {updates}, 1 KB values, all versions kept, SQLite WAL + synchronous=FULL"));
    Console.WriteLine(FormattableString.Invariant($"median update, versions 2-{window + 1}: {Median(times[..window]):F2} ms"));
    Console.WriteLine(FormattableString.Invariant($"median update, versions {updates - window + 2}-{updates + 1}: {Median(times[^window..]):F2} ms"));
    Console.WriteLine(FormattableString.Invariant($"data file: {(new FileInfo(dataPath).Length + FileLength(dataPath + "-wal")) / 1024.0 / 1024.0:F1} MB (db + wal)"));
}
finally
{
    dir.Delete(recursive: true);
}

static double Median(double[] values)
{
    var sorted = values.Order().ToArray();
    return sorted[sorted.Length / 2];
}

static long FileLength(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

static async Task<JsonObject> Post(HttpClient http, string command, JsonObject body)
{
    using var response = await http.PostAsJsonAsync(command, body);
    response.EnsureSuccessStatusCode();
    return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
}
