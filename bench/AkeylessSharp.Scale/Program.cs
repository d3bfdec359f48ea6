using System.Globalization;
using System.Runtime.InteropServices;
using AkeylessSharp;
using AkeylessSharp.Bench;
using AkeylessSharp.Scale;

// Issue 16's scale targets against the emulator tool in its own process, on loopback: heap of N cached secrets, hit
// time by cache size, requests of a cold burst of single-path reads, configuration load against bare batched POSTs.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (ScaleOptions.Parse(args) is not { } options)
{
    Console.Error.WriteLine(ScaleOptions.Usage);
    return 2;
}

Console.WriteLine($"AkeylessSharp.Scale: {RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
int seeded = Math.Max(options.Entries, options.ColdPaths) + 1;
await using var emulator = await EmulatorProcess.StartAsync(
    options.EmulatorDll ?? EmulatorProcess.DefaultToolPath(),
    stream => Seed.WriteAsync(stream, seeded, options.ConfigSecrets),
    TimeSpan.FromMinutes(2),
    "--max-items", (seeded + options.ConfigSecrets).ToString(CultureInfo.InvariantCulture));
Console.WriteLine($"emulator in its own process at {emulator.BaseUrl}, {seeded:N0} + {options.ConfigSecrets:N0} secrets seeded, load average {LoadAverage()}");

// The whole run is bounded: past the limit the emulator is stopped and the tool exits.
using var watchdog = new Timer(_ =>
{
    Console.Error.WriteLine($"Gave up after {options.Timeout.TotalSeconds:F0} s (--timeout).");
    emulator.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10));
    Environment.Exit(3);
}, null, options.Timeout, Timeout.InfiniteTimeSpan);

var (heap, full) = await HeapScale.RunAsync(emulator, options.Entries, options.BatchSize);
Console.WriteLine(Invariant($"1. heap: {heap.Entries:N0} entries via the client +{heap.ClientBytes / 1e6:F1} MB ({heap.ClientPerEntry:F0} B/entry, GC heap size +{heap.ClientHeapSizeBytes / 1e6:F1} MB); bare MemorySecretCache +{heap.BareBytes / 1e6:F1} MB ({heap.BarePerEntry:F0} B/entry); load average {LoadAverage()}"));

var sets = new List<(int, IAkeylessClient)>();
var owned = new List<AkeylessClient>();
foreach (int size in new[] { 100, 1_000, 10_000 }.Where(s => s < options.Entries))
{
    var client = Clients.Cached(emulator, options.BatchSize);
    await Clients.FillAsync(client, size);
    owned.Add(client);
    sets.Add((size, client));
}

sets.Add((options.Entries, full));
var hits = await HitScale.RunAsync(sets, options.HitsPerTurn);
Console.WriteLine($"2. hits measured, load average {LoadAverage()}");
full.Dispose();
owned.ForEach(c => c.Dispose());

var cold = await ColdBurst.RunAsync(emulator, options.ColdPaths, options.BatchSize);
Console.WriteLine($"3. cold burst measured, load average {LoadAverage()}");

var config = await ConfigLoad.RunAsync(emulator, options.ConfigSecrets, options.ConfigLoads, options.ConfigWarmupLoads, options.BatchSize);
Console.WriteLine($"4. configuration loads measured, load average {LoadAverage()}");

Report.Print(heap, hits, cold, config);
return 0;

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
