using System.Globalization;

namespace AkeylessSharp.Scale;

/// <summary>The command line: sizes of each part, and the time after which the tool gives up.</summary>
internal sealed record ScaleOptions
{
    public const string Usage =
        "usage: AkeylessSharp.Scale [--entries N=100000] [--cold N=10000] [--config N=10000] [--config-loads N=15] [--config-warmup N=40] [--hits N=1000000] " +
        "[--batch N=100] [--timeout SECONDS=600] [--emulator-dll PATH]";

    public int Entries { get; init; } = 100_000;

    public int ColdPaths { get; init; } = 10_000;

    public int ConfigSecrets { get; init; } = 10_000;

    public int ConfigLoads { get; init; } = 15;

    public int ConfigWarmupLoads { get; init; } = 40;

    public int HitsPerTurn { get; init; } = 1_000_000;

    public int BatchSize { get; init; } = 100;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    public string? EmulatorDll { get; init; }

    public static ScaleOptions? Parse(string[] args)
    {
        var options = new ScaleOptions();
        for (int i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
            {
                return null;
            }

            string value = args[i + 1];
            int Int() => int.Parse(value, CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--entries" => options with { Entries = Int() },
                "--cold" => options with { ColdPaths = Int() },
                "--config" => options with { ConfigSecrets = Int() },
                "--config-loads" => options with { ConfigLoads = Int() },
                "--config-warmup" => options with { ConfigWarmupLoads = Int() },
                "--hits" => options with { HitsPerTurn = Int() },
                "--batch" => options with { BatchSize = Int() },
                "--timeout" => options with { Timeout = TimeSpan.FromSeconds(Int()) },
                "--emulator-dll" => options with { EmulatorDll = value },
                _ => null!,
            };
            if (options is null)
            {
                return null;
            }
        }

        return options;
    }
}
