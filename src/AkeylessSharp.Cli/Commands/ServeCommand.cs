using System.CommandLine;
using System.Globalization;
using AkeylessSharp.Cli.Infrastructure;
using AkeylessSharp.Cli.Settings;
using AkeylessSharp.Emulator;
using AkeylessSharp.Emulator.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace AkeylessSharp.Cli.Commands;

/// <summary><c>serve</c>: runs the Akeyless emulator until SIGINT or SIGTERM, printing its URL and development credential.</summary>
internal static class ServeCommand
{
    private const string DefaultUrls = "http://127.0.0.1:8080";

    // Its help page leaves out the connection settings (CommandHelp), which serve still accepts, ignoring them with a warning.
    private const string Description = "Run the Akeyless emulator (a local, throw-away Akeyless API) until Ctrl+C or SIGTERM. "
        + "Of the settings every command accepts, serve reads only --seed and --verbose; it ignores the connection settings, with a warning.";

    public static Command Create(CommandRunner runner, GlobalOptions globals)
    {
        var urls = new Option<string?>("--urls") { Description = $"The URL(s) to listen on, separated by ; [default: {DefaultUrls}].", HelpName = "url" };
        var port = new Option<int?>("--port") { Description = "Listen on http://127.0.0.1:PORT; 0 picks a free port." }.WholeNumber();
        var seedJson = new Option<string?>("--seed-json") { Description = "Seed JSON text, applied after --seed." };
        var data = new Option<FileInfo?>("--data") { Description = "A SQLite file that keeps the items across restarts [default: in memory]." };
        var adminToken = new Option<string?>("--admin-token")
        {
            Description = "Require 'Authorization: Bearer TOKEN' on the /__emulator/ admin API; needed to listen on an address other machines reach.",
            HelpName = "token",
        };
        var allowedHosts = new Option<string?>("--allowed-hosts")
        {
            Description = "Host names, separated by ;, besides localhost and loopback IPs that requests may use while the emulator listens on loopback only "
                + "(*.example.test allows subdomains); others are refused, so web pages cannot reach it by DNS rebinding.",
            HelpName = "hosts",
        };
        var command = new Command("serve", Description) { urls, port, seedJson, data, adminToken, allowedHosts };
        runner.SetAction(command, async context =>
        {
            var options = new AkeylessEmulatorOptions
            {
                Urls = ListenUrls(context.Get(urls), context.Get(port)),
                SeedPath = ExistingSeed(context.Get(globals.Seed)),
                SeedJson = context.Get(seedJson),
                DataPath = context.Get(data)?.FullName,
                AdminToken = context.Get(adminToken) is { Length: > 0 } token ? token : null,
                OptionNames = OptionNames.CommandLine,
                ConfigureLogging = static logging =>
                {
                    // The failure reaches the user as one error line; the host's own multi-line report would repeat it.
                    logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);

                    // Standard output is the URL and the export lines alone; the emulator's log goes to standard error.
                    logging.Services.Configure<ConsoleLoggerOptions>(static console => console.LogToStandardErrorThreshold = LogLevel.Trace);
                },
            };
            foreach (var host in (context.Get(allowedHosts) ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                options.AllowedHosts.Add(host);
            }

            await WarnOfIgnoredSettingsAsync(context, globals).ConfigureAwait(false);
            await using var emulator = await StartAsync(options, context.CancellationToken).ConfigureAwait(false);
            var output = context.Console.Out;
            await output.WriteLineAsync($"Akeyless emulator listening on {emulator.BaseUrl} ({(options.DataPath is null ? "in memory" : options.DataPath)}). Ctrl+C stops it.").ConfigureAwait(false);
            await output.WriteLineAsync($"export AKEYLESS_API_URL={emulator.BaseUrl}").ConfigureAwait(false);
            await output.WriteLineAsync($"export AKEYLESS_ACCESS_ID={emulator.AccessId}").ConfigureAwait(false);
            await output.WriteLineAsync($"export AKEYLESS_ACCESS_KEY={Output.EnvFormat.QuoteShell(emulator.AccessKey)}").ConfigureAwait(false);
            await output.FlushAsync(context.CancellationToken).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, context.CancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // SIGINT or SIGTERM: a requested stop, not a failure.
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string ListenUrls(string? urls, int? port) => (urls, port) switch
    {
        ({ }, { }) => throw new CliUsageException("give either --urls or --port, not both."),
        (_, < 0 or > 65535) => throw new CliUsageException($"--port must be between 0 and 65535, not {port}."),
        (_, { } number) => "http://127.0.0.1:" + number.ToString(CultureInfo.InvariantCulture),
        ({ } list, _) => list,
        _ => DefaultUrls,
    };

    // Only the names: a value may be a credential.
    private static async Task WarnOfIgnoredSettingsAsync(CommandContext context, GlobalOptions globals)
    {
        var given = globals.Connection.Where(o => context.Parse.GetResult(o) is { Implicit: false }).Select(static o => o.Name).ToList();
        if (given.Count > 0)
        {
            await context.Console.Error.WriteLineAsync(
                $"warning: serve ignores {string.Join(", ", given)}: connection settings are for the commands that call Akeyless, and serve calls none.").ConfigureAwait(false);
        }
    }

    private static string? ExistingSeed(FileInfo? seed) =>
        seed is { Exists: false } && !Directory.Exists(seed.FullName) ? throw new CliUsageException($"the seed file {seed.FullName} does not exist.") : seed?.FullName;

    private static async Task<AkeylessEmulator> StartAsync(AkeylessEmulatorOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await AkeylessEmulator.StartAsync(options, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Any start-up failure (bad seed, busy port, unwritable data file) is one usage line, exit 2.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            throw new CliUsageException($"the emulator did not start: {ex.Message.ReplaceLineEndings(" ")}");
        }
    }
}
