using System.Globalization;

namespace AkeylessSharp.Emulator.Hosting;

/// <summary>Parses the emulator's command line into <see cref="AkeylessEmulatorOptions"/>.</summary>
internal static class CommandLine
{
    public const string Usage =
        "usage: akeyless-emulator [--urls http://127.0.0.1:8080] [--data emulator.db] [--seed seed.json] [--token-ttl 3600] [--page-size 1000]";

    public static bool TryParse(IReadOnlyList<string> args, out AkeylessEmulatorOptions options, out string? error)
    {
        options = new AkeylessEmulatorOptions { Urls = "http://127.0.0.1:8080" };
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                error = "";
                return false;
            }

            if (i + 1 >= args.Count)
            {
                error = $"missing value for {name}";
                return false;
            }

            var value = args[++i];
            switch (name)
            {
                case "--urls":
                    options.Urls = value;
                    break;
                case "--data":
                    options.DataPath = value;
                    break;
                case "--seed":
                    options.SeedPath = value;
                    break;
                case "--token-ttl" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) && s > 0:
                    options.TokenTtl = TimeSpan.FromSeconds(s);
                    break;
                case "--page-size" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0:
                    options.DefaultPageSize = n;
                    break;
                default:
                    error = $"unknown option or invalid value: {name} {value}";
                    return false;
            }
        }

        return true;
    }
}
