using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using AkeylessSharp.Cli.Tests.Infrastructure;

namespace AkeylessSharp.Cli.Tests.Commands;

public sealed class ServeCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("akeyless-sharp-serve-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Serve_RelativeSeedAndData_PrintsUrlAndCredential_ServesTheSeed_StopsOnSigterm()
    {
        var seed = JsonSerializer.Serialize(new { items = new[] { new { name = "/served/secret", type = "static", value = "served-value" } } });
        await File.WriteAllTextAsync(Path.Combine(_folder.FullName, "seed.json"), seed);
        var start = ProcessRun.Tool(new Dictionary<string, string?>(), "serve", "--port", "0", "--seed", "seed.json", "--data", "emulator.db");
        start.WorkingDirectory = _folder.FullName;
        using var running = RunningProcess.Start(start);
        var server = running.Process;
        var limit = running.Limit;
        var error = server.StandardError.ReadToEndAsync(limit);
        // The README's serve example: the URL line first; the emulator's own log is on standard error.
        Assert.StartsWith("Akeyless emulator listening on http://127.0.0.1:", await server.StandardOutput.ReadLineAsync(limit), StringComparison.Ordinal);
        var exports = new Dictionary<string, string>();
        while (exports.Count < 3 && await server.StandardOutput.ReadLineAsync(limit) is { } line)
        {
            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                var assignment = line["export ".Length..].Split('=', 2);
                exports[assignment[0]] = assignment[1].Trim('\'');
            }
        }

        var environment = exports.ToDictionary(static e => e.Key, static e => (string?)e.Value);
        var read = await CliRun.RunAsync(environment, ["get", "/served/secret"]);
        Assert.Equal("served-value\n", read.Out);
        Assert.StartsWith("http://127.0.0.1:", exports["AKEYLESS_API_URL"], StringComparison.Ordinal);

        await ProcessRun.SignalAsync(server, "TERM", limit);

        _ = server.StandardOutput.ReadToEndAsync(limit);
        await server.WaitForExitAsync(limit);
        Assert.Equal(0, server.ExitCode);
        var log = await error;
        Assert.DoesNotContain("error", log, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("AkeylessSharp.Emulator", log, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder.FullName, "emulator.db")), "--data was not resolved against the current directory");
    }

    [Fact]
    public async Task Serve_InvalidSeed_OneLineExitTwo()
    {
        var seed = Path.Combine(_folder.FullName, "bad.json");
        await File.WriteAllTextAsync(seed, "{bad");

        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), ["serve", "--port", "0", "--seed", seed]);

        AssertOneLineUsageError(result, "bad.json");
    }

    [Fact]
    public async Task Serve_MissingSeedFile_OneLineExitTwo()
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), ["serve", "--port", "0", "--seed", Path.Combine(_folder.FullName, "none.json")]);

        AssertOneLineUsageError(result, "none.json");
    }

    [Fact]
    public async Task Serve_BusyPort_OneLineExitTwo()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);

        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), ["serve", "--port", port]);

        AssertOneLineUsageError(result, port);
    }

    [Fact]
    public async Task Serve_AllowedHostWithPort_OneLineNamingTheFlag()
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), ["serve", "--port", "0", "--allowed-hosts", "emu.test;x.test:80"]);

        AssertOneLineUsageError(result, "'x.test:80' is not a host name to allow");
        Assert.Contains("--allowed-hosts", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_UrlsAndPort_IsUsageError()
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), ["serve", "--port", "1", "--urls", "http://127.0.0.1:2"]);

        AssertOneLineUsageError(result, "--port");
    }

    [Theory]
    [InlineData("""{"items":[{"name":"/a","value":"x"},{"name":"/a","value":"y"}]}""", "item '/a' appears twice")]
    [InlineData("""{"items":[{"name":"/a","value":5}]}""", "$.items[0].value")]
    [InlineData("[]", "SeedJson is not valid")]
    public async Task Serve_BadSeedJson_OneLineExitTwo(string seed, string mention)
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), ["serve", "--port", "0", "--seed-json", seed]);

        AssertOneLineUsageError(result, mention);
    }

    [Theory]
    [InlineData("70000")]
    [InlineData("-1")]
    public async Task Serve_PortOutOfRange_IsUsageError(string port)
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), ["serve", "--port", port]);

        AssertOneLineUsageError(result, port);
    }

    [Fact]
    public async Task Serve_DataPathUnderAFile_OneLineExitTwo()
    {
        var file = Path.Combine(_folder.FullName, "plain");
        await File.WriteAllTextAsync(file, "a file, not a folder");

        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), ["serve", "--port", "0", "--data", Path.Combine(file, "x.db")]);

        AssertOneLineUsageError(result, "--data");
    }

    [Fact]
    public async Task Serve_ExposedAddressWithoutAdminToken_NamesAnOptionServeHas()
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), ["serve", "--urls", "http://0.0.0.0:0"]);
        var help = await CliRun.RunAsync(new Dictionary<string, string?>(), ["serve", "--help"]);

        AssertOneLineUsageError(result, "--admin-token");
        Assert.DoesNotContain("AkeylessEmulatorOptions", result.Error, StringComparison.Ordinal);
        Assert.Contains("--admin-token <token>", help.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_ConnectionSettings_OneWarningNamingThemNotTheirValues()
    {
        const string key = "ignored-access-key-0001";

        var result = await CliRun.RunAsync(
            new Dictionary<string, string?>(), ["serve", "--access-key", key, "--urls", "http://0.0.0.0:0", "--api-url", "http://127.0.0.1:1", "--verbose"]);

        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var warning = Assert.Single(lines, static l => l.StartsWith("warning: ", StringComparison.Ordinal));
        Assert.Contains("serve ignores --api-url, --access-key:", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("--verbose", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(key, result.Error, StringComparison.Ordinal);
        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task Serve_SeedAlone_NoWarning()
    {
        var result = await CliRun.RunAsync(new Dictionary<string, string?>(), ["serve", "--urls", "http://0.0.0.0:0", "--seed-json", "{}"]);

        Assert.DoesNotContain("warning", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_Help_SaysWhichSharedSettingsItReads()
    {
        var help = await CliRun.RunAsync(new Dictionary<string, string?>(), ["serve", "--help"]);

        Assert.Contains("serve reads only --seed and --verbose", help.Out.ReplaceLineEndings(" "), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_Help_ListsItsOwnOptionsAndTheSharedOnesItReads_NotTheConnectionSettings()
    {
        var help = await CliRun.RunAsync(new Dictionary<string, string?>(), ["serve", "--help"]);
        var get = await CliRun.RunAsync(new Dictionary<string, string?>(), ["get", "--help"]);

        Assert.Equal(0, help.ExitCode);
        foreach (var shown in (string[])["--urls", "--port", "--seed-json", "--data", "--admin-token", "--allowed-hosts", "--seed", "--verbose", "--help"])
        {
            Assert.Contains(shown, help.Out, StringComparison.Ordinal);
        }

        foreach (var left in (string[])["--api-url", "--access-id", "--access-key", "--profile", "--connection-string", "--timeout", "--emulator"])
        {
            // An option's row starts with its name; --seed's description may still mention --emulator.
            Assert.DoesNotContain($"\n  {left} ", help.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
            Assert.Contains($"\n  {left} ", get.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Serve_AdminToken_GuardsTheAdminApi()
    {
        const string token = "serve-admin-token-0001";
        var start = ProcessRun.Tool(new Dictionary<string, string?>(), "serve", "--port", "0", "--admin-token", token);
        using var running = RunningProcess.Start(start);
        var server = running.Process;
        var limit = running.Limit;
        string? url = null;
        while (url is null && await server.StandardOutput.ReadLineAsync(limit) is { } line)
        {
            url = line.StartsWith("export AKEYLESS_API_URL=", StringComparison.Ordinal) ? line["export AKEYLESS_API_URL=".Length..] : null;
        }

        using var http = new HttpClient { BaseAddress = new Uri(url!) };
        using var anonymous = await http.GetAsync(new Uri("__emulator/counters", UriKind.Relative), limit);
        using var request = new HttpRequestMessage(HttpMethod.Get, "__emulator/counters") { Headers = { { "Authorization", "Bearer " + token } } };
        using var authorized = await http.SendAsync(request, limit);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, authorized.StatusCode);

        server.Kill(entireProcessTree: true);
        await server.WaitForExitAsync(CancellationToken.None);

        Assert.DoesNotContain(token, await server.StandardOutput.ReadToEndAsync() + await server.StandardError.ReadToEndAsync(), StringComparison.Ordinal);
    }

    private static void AssertOneLineUsageError(CliResult result, string mention)
    {
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(result.Out);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(mention, line, StringComparison.Ordinal);
    }
}
