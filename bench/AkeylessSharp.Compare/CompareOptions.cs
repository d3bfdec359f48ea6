using System.Globalization;

namespace AkeylessSharp.Compare;

/// <summary>The command line: how long each phase runs and where the emulator lives.</summary>
internal sealed record CompareOptions
{
    public const string Usage = """
        usage: AkeylessSharp.Compare [--runs N] [--calls N] [--seconds S] [--callers N] [--warmup N] [--no-redis] [--in-process] [--emulator-dll PATH]
          --runs N          interleaved runs; each row's figure is the median over runs (default 3)
          --calls N         sequential calls per row and run; memory hits make 100×, hybrid hits 10× as many (default 2000)
          --seconds S       length of each row's concurrent phase (default 2)
          --callers N       concurrent callers in that phase (default 64)
          --warmup N        warm-up rounds before measuring, each half a turn per row (default 2; 0 shows untiered code)
          --no-redis        leave out the Redis-hit row (left out anyway when redis-server is not installed)
          --in-process      host the emulator in this process (its CPU then counts as the client's)
          --emulator-dll P  the AkeylessSharp.Emulator.Tool.dll to start (default: next to this build)
        """;

    public int Runs { get; init; } = 3;

    public int Calls { get; init; } = 2000;

    public double Seconds { get; init; } = 2;

    public int Callers { get; init; } = 64;

    public int Warmup { get; init; } = 2;

    public bool InProcess { get; init; }

    public bool Redis { get; init; } = true;

    public string? EmulatorDll { get; init; }

    public static CompareOptions? Parse(string[] args)
    {
        var options = new CompareOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string? value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--in-process":
                    options = options with { InProcess = true };
                    continue;
                case "--no-redis":
                    options = options with { Redis = false };
                    continue;
                case "--runs" when Positive(value) is { } n:
                    options = options with { Runs = n };
                    break;
                case "--calls" when Positive(value) is { } n:
                    options = options with { Calls = n };
                    break;
                case "--callers" when Positive(value) is { } n:
                    options = options with { Callers = n };
                    break;
                case "--warmup" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var w) && w >= 0:
                    options = options with { Warmup = w };
                    break;
                case "--seconds" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 && s <= 600:
                    options = options with { Seconds = s };
                    break;
                case "--emulator-dll" when value is not null:
                    options = options with { EmulatorDll = value };
                    break;
                default:
                    return null;
            }

            i++;
        }

        return options;
    }

    private static int? Positive(string? value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
}
