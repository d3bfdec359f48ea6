using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AkeylessSharp.Emulator.Tests.Infrastructure;
using AkeylessSharp.Emulator.Tool;
using AkeylessSharp.Tests.Shared;

namespace AkeylessSharp.Emulator.Tests.Hosting;

/// <summary>The akeyless-emulator command line: help, relative paths, and one-line failures with exit code 2.</summary>
public sealed class ToolTests : IDisposable
{
    private readonly TempDirectory _dir = new("akeyless-tool-");

    [Fact]
    public void Parse_RelativeSeedAndData_ResolvedAgainstCurrentDirectory()
    {
        var parsed = CommandLine.Parse(["--seed", "seeds/demo.json", "--data", "../x.db", "--strict"], "/home/user/repo");

        Assert.Null(parsed.Error);
        Assert.Equal("/home/user/repo/seeds/demo.json", parsed.Options.SeedPath);
        Assert.Equal("/home/user/x.db", parsed.Options.DataPath);
        Assert.True(parsed.Options.StrictWire);
    }

    [Fact]
    public void Parse_MaxItems_SetsTheLimit()
    {
        var parsed = CommandLine.Parse(["--max-items", "250000"], _dir.Path);

        Assert.Null(parsed.Error);
        Assert.Equal(250_000, parsed.Options.MaxItems);
    }

    [Fact]
    public void Parse_AllowedHosts_SplitsOnSemicolons()
    {
        var parsed = CommandLine.Parse(["--allowed-hosts", "emu.test; *.dev.test;"], _dir.Path);

        Assert.Null(parsed.Error);
        Assert.Equal(["emu.test", "*.dev.test"], parsed.Options.AllowedHosts);
    }

    [Fact]
    public void Parse_MaxValueBytes_SetsTheLimit()
    {
        var parsed = CommandLine.Parse(["--max-value-bytes", "65536"], _dir.Path);

        Assert.Null(parsed.Error);
        Assert.Equal(65_536, parsed.Options.MaxValueBytes);
    }

    [Theory]
    [InlineData("--token-ttl", "0")]
    [InlineData("--max-value-bytes", "-1")]
    [InlineData("--page-size", "many")]
    [InlineData("--max-items", "0")]
    [InlineData("--bogus", "1")]
    public void Parse_InvalidOption_ReturnsErrorNamingIt(string name, string value)
    {
        var parsed = CommandLine.Parse([name, value], _dir.Path);

        Assert.Contains(name, parsed.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--version")]
    [InlineData("--bogus", "1")]
    public void Parse_UnknownOption_SaysItIsUnknown_NotThatItLacksAValue(params string[] args)
    {
        var parsed = CommandLine.Parse(args, _dir.Path);

        Assert.Equal($"unknown option '{args[0]}'; the options are listed below", parsed.Error);
    }

    [Theory]
    [InlineData("--token-ttl", "abc")]
    [InlineData("--page-size", "0")]
    [InlineData("--max-items", "-5")]
    public void Parse_NumberOptionWithInvalidValue_SaysWhatIsExpected(string name, string value)
    {
        var parsed = CommandLine.Parse([name, value], _dir.Path);

        Assert.Equal($"{name} needs a whole number greater than 0, not '{value}'", parsed.Error);
    }

    [Theory]
    [InlineData("--seed", "a.json", "--seed", "b.json")]
    [InlineData("--urls", "http://127.0.0.1:1", "--urls", "http://127.0.0.1:2")]
    [InlineData("--data", "a.db", "--data", "a.db")]
    public void Parse_OptionGivenTwice_ReturnsErrorInsteadOfTakingTheLast(params string[] args)
    {
        var parsed = CommandLine.Parse(args, _dir.Path);

        Assert.StartsWith($"{args[0]} is given twice; give it once", parsed.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--seed", "")]
    [InlineData("--data", " ")]
    [InlineData("--urls", "")]
    public void Parse_EmptyPathOrUrls_ReturnsErrorInsteadOfTheCurrentDirectory(string name, string value)
    {
        var parsed = CommandLine.Parse([name, value], _dir.Path);

        Assert.Equal($"{name} needs a value, not an empty string", parsed.Error);
    }

    [Fact]
    public void Usage_NamesExactlyTheOptionsTheEmulatorReadmeShowsForTheTool()
    {
        var readme = Repository.ReadText("src", "AkeylessSharp.Emulator", "README.md");
        var start = readme.IndexOf("installed as a tool, `akeyless-emulator", StringComparison.Ordinal);
        Assert.True(start >= 0, "the emulator README no longer shows the tool's command line");
        var line = readme[start..readme.IndexOf("`.", start, StringComparison.Ordinal)];

        static IEnumerable<string> Options(string text) =>
            System.Text.RegularExpressions.Regex.Matches(text, @"(?<![\w-])--[a-z][a-z-]*").Select(static m => m.Value).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(Options(CommandLine.Usage).Where(static o => o != "--help"), Options(line));
    }

    [Fact]
    public async Task Help_PrintsUsage_ExitsZero()
    {
        var (code, stdout, _) = await RunAsync("--help");

        Assert.Equal(0, code);
        Assert.Contains("usage: akeyless-emulator", stdout, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0 after Ctrl+C or SIGTERM; 2 for", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownOption_NamesItThenPrintsUsage_ExitTwo()
    {
        var (code, stdout, stderr) = await RunAsync("--bogus");

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.StartsWith("akeyless-emulator: unknown option '--bogus'", stderr, StringComparison.Ordinal);
        Assert.Contains("usage: akeyless-emulator", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RelativeSeed_ResolvedFromWorkingDirectory_Starts()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "seeds", "demo.json"), _dir.File("demo.json"));
        var (process, url) = await ToolProcess.StartListeningAsync(["--seed", "demo.json"], _dir.Path);
        using var started = process;
        try
        {
            using var http = new HttpClient { BaseAddress = url };
            Assert.True(await ToolProcess.WaitHealthyAsync(http, TimeSpan.FromSeconds(60)), "the tool did not become healthy with a relative --seed");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task MissingSeedFile_OneLine_ExitTwo()
    {
        var (code, _, stderr) = await RunAsync("--urls", "http://127.0.0.1:0", "--seed", "missing.json");

        Assert.Equal(2, code);
        Assert.Contains("missing.json", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task InvalidSeed_OneLine_ExitTwo()
    {
        await File.WriteAllTextAsync(_dir.File("bad.json"), "{ \"authMethods\": 5 }");

        var (code, _, stderr) = await RunAsync("--urls", "http://127.0.0.1:0", "--seed", "bad.json");

        Assert.Equal(2, code);
        Assert.Contains("bad.json", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task BusyPort_OneLine_ExitTwo()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var (code, stdout, stderr) = await RunAsync("--urls", $"http://127.0.0.1:{port}");

        Assert.Equal(2, code);
        Assert.DoesNotContain(" at ", stdout, StringComparison.Ordinal);
        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task SeedWithNull_OneLineNamingThePath_ExitTwo()
    {
        await File.WriteAllTextAsync(_dir.File("seed.json"), """{ "items": [ { "name": "/a", "type": null, "value": "x" } ] }""");

        var (code, _, stderr) = await RunAsync("--urls", "http://127.0.0.1:0", "--seed", "seed.json");

        Assert.Equal(2, code);
        Assert.Contains("$.items[0].type", Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedOverMaxItems_OneLine_ExitTwo()
    {
        await File.WriteAllTextAsync(_dir.File("seed.json"), """{ "items": [ { "name": "/a", "value": "1" }, { "name": "/b", "value": "2" } ] }""");

        var (code, _, stderr) = await RunAsync("--urls", "http://127.0.0.1:0", "--seed", "seed.json", "--max-items", "1");

        Assert.Equal(2, code);
        Assert.Contains("MaxItems", Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataFileNotADatabase_OneLineNamingIt_ExitTwo()
    {
        await File.WriteAllTextAsync(_dir.File("notes.db"), "not a database");

        var (code, _, stderr) = await RunAsync("--urls", "http://127.0.0.1:0", "--data", "notes.db");

        Assert.Equal(2, code);
        Assert.Contains("notes.db", Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NonLoopbackWithoutAdminToken_OneLineNamingTheFlagOnly_ExitTwo()
    {
        var (code, _, stderr) = await RunAsync("--urls", "http://0.0.0.0:0");

        Assert.Equal(2, code);
        Assert.Contains("--admin-token", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("AkeylessEmulatorOptions", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "items": [ { "name": "/a", "value": "1" }, { "name": "a ", "value": "2" } ] }""", "item '/a' appears twice (items[0] and items[1])")]
    [InlineData("""{ "authMethods": [ { "name": "/m", "type": "access_key" }, { "name": "/m", "type": "jwt" } ] }""", "auth method '/m' appears twice (authMethods[0] and authMethods[1])")]
    [InlineData("""{ "authMethods": [ { "name": "/m1", "accessId": "p-abcdefghij0a", "type": "access_key" }, { "name": "/m2", "accessId": "p-abcdefghij0a", "type": "access_key" } ] }""", "accessId 'p-abcdefghij0a' appears twice")]
    [InlineData("""{ "roles": [ { "name": "r", "authMethods": [] }, { "name": "r", "authMethods": [] } ] }""", "role 'r' appears twice (roles[0] and roles[1])")]
    public async Task SeedWithDuplicates_OneLineNamingBothEntries_ExitTwo(string seed, string expected)
    {
        await File.WriteAllTextAsync(_dir.File("seed.json"), seed);

        var (code, _, stderr) = await RunAsync("--urls", "http://127.0.0.1:0", "--seed", "seed.json");

        Assert.Equal(2, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Contains("seed.json", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeedIsADirectory_OneLineSayingSo_ExitTwo()
    {
        var (code, _, stderr) = await RunAsync("--urls", "http://127.0.0.1:0", "--seed", _dir.Path);

        Assert.Equal(2, code);
        Assert.Contains("is a directory", Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("""{ "items": { "name": "/a" } }""")]
    [InlineData("""{ "items": [ { "name": "/a", "value": 5 } ] }""")]
    public async Task SeedNotJsonOrWrongTypes_OneLine_ExitTwo(string seed)
    {
        await File.WriteAllTextAsync(_dir.File("seed.json"), seed);

        var (code, stdout, stderr) = await RunAsync("--urls", "http://127.0.0.1:0", "--seed", "seed.json");

        Assert.Equal(2, code);
        Assert.DoesNotContain(" at ", stdout + stderr, StringComparison.Ordinal);
        Assert.Contains("seed.json is not valid", Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "items": { "name": "/a" } }""", "$.items should be an array (line 1, byte ")]
    [InlineData("""{ "items": [ { "name": "/a", "value": 5 } ] }""", "$.items[0].value should be a string")]
    [InlineData("""{ "items": [ { "name": "/a", "value": "x", "tags": "t" } ] }""", "$.items[0].tags should be an array")]
    [InlineData("[]", "$ should be an object")]
    [InlineData("{bad", "is an invalid start of a property name. Expected a '\"' (line 1, byte 2)")]
    [InlineData("""{ "authMethods": [ { "name": "/m", "type": "access_key", "tokenTtlSeconds": "soon" } ] }""", "$.authMethods[0].tokenTtlSeconds should be a number")]
    public async Task SeedWrongType_SaysWhatTheFieldShouldBe_WithoutInternalTypeNames(string seed, string expected)
    {
        await File.WriteAllTextAsync(_dir.File("seed.json"), seed);

        var (code, _, stderr) = await RunAsync("--urls", "http://127.0.0.1:0", "--seed", "seed.json");

        Assert.Equal(2, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("AkeylessSharp.", line, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataPathUnderAFile_OneLineNamingIt_ExitTwo()
    {
        await File.WriteAllTextAsync(_dir.File("plain"), "a file, not a directory");

        var (code, stdout, stderr) = await RunAsync("--urls", "http://127.0.0.1:0", "--data", Path.Combine("plain", "x.db"));

        Assert.Equal(2, code);
        Assert.DoesNotContain(" at ", stdout + stderr, StringComparison.Ordinal);
        Assert.Contains("x.db", Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    private static Process Start(string workingDirectory, params string[] args) =>
        Process.Start(ToolProcess.StartInfo(args, workingDirectory))!;

    private async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var process = Start(_dir.Path, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    public void Dispose() => _dir.Dispose();
}
