using System.Globalization;
using AkeylessSharp.Emulator;
using AkeylessSharp.Emulator.Hosting;

namespace AkeylessSharp.Emulator.Tool;

/// <summary>The outcome of parsing the command line: options to run with, a request for help, or an error.</summary>
internal sealed record ParsedCommandLine(AkeylessEmulatorOptions Options, bool ShowHelp, string? Error);

/// <summary>Parses the emulator's command line into <see cref="AkeylessEmulatorOptions"/>.</summary>
internal static class CommandLine
{
    public const string Usage = """
        usage: akeyless-emulator [options]
          --urls URL[;URL]     addresses to listen on (default http://127.0.0.1:8080); a non-loopback address needs --admin-token
          --data FILE          SQLite file that keeps items across restarts (default: in memory)
          --seed FILE          seed JSON: auth methods, roles, items (see the README)
          --token-ttl SECONDS  lifetime of issued t- tokens (default 3600)
          --page-size N        list-items page size when auto-pagination is disabled (default 1000)
          --max-items N        most items the emulator holds (default 100000)
          --max-value-bytes N  largest secret value in UTF-8 bytes (default 16384, the service's 16 KB)
          --admin-token TOKEN  require "Authorization: Bearer TOKEN" on the /__emulator/ admin API
          --allowed-hosts HOST[;HOST]  host names besides localhost and loopback IPs that requests may use while the
                               emulator listens on loopback only (*.example.test allows subdomains); others get 400
          --strict             reject unknown request fields and wrongly typed values with 400
          -h, --help           show this help
        Relative paths are resolved against the current directory.
        Exit codes: 0 after Ctrl+C or SIGTERM; 2 for a bad option, seed or data file, a busy port, or a non-loopback
        address without --admin-token.
        """;

    private static readonly HashSet<string> ValueOptions =
        new(["--urls", "--data", "--seed", "--token-ttl", "--page-size", "--max-items", "--max-value-bytes", "--admin-token", "--allowed-hosts"], StringComparer.Ordinal);

    /// <summary>Parses <paramref name="args"/>; relative file paths are resolved against <paramref name="currentDirectory"/>.</summary>
    public static ParsedCommandLine Parse(IReadOnlyList<string> args, string currentDirectory)
    {
        var options = new AkeylessEmulatorOptions { Urls = "http://127.0.0.1:8080", OptionNames = OptionNames.CommandLine };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            switch (name)
            {
                case "-h" or "--help":
                    return new ParsedCommandLine(options, true, null);
                case "--strict":
                    options.StrictWire = true;
                    continue;
            }

            if (!ValueOptions.Contains(name))
            {
                return Fail(options, $"unknown option '{name}'; the options are listed below");
            }

            if (i + 1 >= args.Count)
            {
                return Fail(options, $"missing value for {name}");
            }

            var value = args[++i];
            if (!seen.Add(name))
            {
                // The last one would silently win; several addresses go in one --urls, separated by ';'.
                return Fail(options, $"{name} is given twice; give it once{(name == "--urls" ? " (several addresses go in one --urls, separated by ';')" : string.Empty)}");
            }

            if (string.IsNullOrWhiteSpace(value) && name is "--urls" or "--data" or "--seed")
            {
                // An empty path would resolve to the current directory.
                return Fail(options, $"{name} needs a value, not an empty string");
            }

            switch (name)
            {
                case "--urls":
                    options.Urls = value;
                    break;
                case "--data":
                    options.DataPath = Path.GetFullPath(value, currentDirectory);
                    break;
                case "--seed":
                    options.SeedPath = Path.GetFullPath(value, currentDirectory);
                    break;
                case "--allowed-hosts":
                    foreach (var host in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        options.AllowedHosts.Add(host);
                    }

                    break;
                case "--admin-token" when value.Length > 0:
                    options.AdminToken = value;
                    break;
                case "--token-ttl" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) && s > 0:
                    options.TokenTtl = TimeSpan.FromSeconds(s);
                    break;
                case "--page-size" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0:
                    options.DefaultPageSize = n;
                    break;
                case "--max-items" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var m) && m > 0:
                    options.MaxItems = m;
                    break;
                case "--max-value-bytes" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var b) && b > 0:
                    options.MaxValueBytes = b;
                    break;
                case "--admin-token":
                    return Fail(options, "--admin-token needs a value, not an empty string");
                default:
                    return Fail(options, $"{name} needs a whole number greater than 0, not '{value}'");
            }
        }

        return new ParsedCommandLine(options, false, null);
    }

    private static ParsedCommandLine Fail(AkeylessEmulatorOptions options, string error) => new(options, false, error);
}
