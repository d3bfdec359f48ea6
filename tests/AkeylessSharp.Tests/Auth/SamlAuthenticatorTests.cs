using System.Net.Http.Json;
using System.Text.Json;
using AkeylessSharp.Tests.Infrastructure;
using AkeylessSharp.Tests.Infrastructure.Faults;

namespace AkeylessSharp.Tests.Auth;

public sealed class SamlAuthenticatorTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("akeyless-saml-").FullName;
    private EmulatorHarness _harness = null!;

    private string CredsFile => Path.Combine(_directory, $"test-{_harness.Emulator.AccessId}");

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Authenticate_ValidStoredToken_ReusesItWithoutCli()
    {
        var (token, expiry) = await IssueTokenAsync();
        await File.WriteAllTextAsync(CredsFile, JsonSerializer.Serialize(new { token, expiry }));
        using var client = Client(login: "/nonexistent/akeyless");

        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));
        Assert.Equal(1, _harness.Emulator.Counters.Get("auth"));
    }

    [Fact]
    public async Task Authenticate_ExpiredToken_RunsCliAndExchangesRawCreds()
    {
        await File.WriteAllTextAsync(CredsFile, JsonSerializer.Serialize(new { token = "t-expired", expiry = _harness.Time.GetUtcNow().AddMinutes(-1).ToUnixTimeSeconds() }));
        var script = WriteScript($$"""
            #!/bin/sh
            [ "$1" = "list-items" ] && [ "$3" = "test" ] || exit 3
            printf '{"creds":"{{_harness.Emulator.AccessKey}}"}' > "{{CredsFile}}"
            """);
        using var client = Client(login: script + " list-items --profile {profile} --path /");

        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));
        Assert.Equal(1, _harness.Emulator.Counters.Get("static-creds-auth"));
    }

    [Fact]
    public async Task Authenticate_RawCredsFromCli_SendsTheWholeFileAndAccessIdToTheConfiguredApi()
    {
        var file = $$"""  {"creds":"{{_harness.Emulator.AccessKey}}","admin_email":"me@example.com"}{{"\n"}}""";
        var written = Path.Combine(_directory, "written-by-cli");
        await File.WriteAllTextAsync(written, file);
        var script = WriteScript($"#!/bin/sh\ncp \"{written}\" \"{CredsFile}\"\n");
        using var client = RecordingHandler.Client(_harness, out var recorder, o => Saml(o, script + " login"));

        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));

        var exchange = Assert.Single(recorder.Requests, r => r.Command == "static-creds-auth");
        Assert.Equal(new Uri(_harness.Emulator.BaseUrl, "static-creds-auth"), exchange.Uri);
        Assert.Equal(file.Trim(), (string?)exchange.Body["creds"]);
        Assert.Equal(_harness.Emulator.AccessId, (string?)exchange.Body["access-id"]);
        Assert.False(exchange.Body.ContainsKey("admin-email"));
    }

    [Fact]
    public async Task Authenticate_RawCredsFileAtStart_RunsCliBeforeExchangingLikeClearskies()
    {
        await File.WriteAllTextAsync(CredsFile, """{"creds":"stale-credentials-from-an-old-login"}""");
        var ran = Path.Combine(_directory, "cli-ran");
        var script = WriteScript($$"""
            #!/bin/sh
            touch "{{ran}}"
            printf '{"creds":"{{_harness.Emulator.AccessKey}}"}' > "{{CredsFile}}"
            """);
        using var client = Client(login: script + " login");

        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));

        Assert.True(File.Exists(ran));
        Assert.Equal(1, _harness.Emulator.Counters.Get("static-creds-auth"));
    }

    [Fact]
    public async Task Authenticate_StoredTokenWithoutExpiry_LogsInAgainLikeClearskies()
    {
        var (token, _) = await IssueTokenAsync();
        await File.WriteAllTextAsync(CredsFile, JsonSerializer.Serialize(new { token }));
        var script = WriteScript($$"""
            #!/bin/sh
            printf '{"creds":"{{_harness.Emulator.AccessKey}}"}' > "{{CredsFile}}"
            """);
        using var client = Client(login: script + " login");

        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));

        Assert.Equal(1, _harness.Emulator.Counters.Get("static-creds-auth"));
    }

    [Fact]
    public async Task Authenticate_TokenWrittenByCliWithoutExpiry_LastsAuthTokenTtl()
    {
        var (token, _) = await IssueTokenAsync();
        var script = WriteScript($$"""
            #!/bin/sh
            printf '{"token":"{{token}}"}' > "{{CredsFile}}"
            """);
        using var client = Client(login: script + " login", ttl: TimeSpan.FromMinutes(20));
        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));
        File.Delete(CredsFile);

        _harness.Time.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));
        Assert.False(File.Exists(CredsFile));

        _harness.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));
        Assert.True(File.Exists(CredsFile));
    }

    [Fact]
    public async Task Authenticate_StaticCredsAnswerWithTopLevelExpiry_RefreshesBeforeIt()
    {
        await using var proxied = await ProxiedEmulator.StartAsync();
        var time = proxied.Harness.Time;
        proxied.Proxy.EditAnswers("static-creds-auth", answer => answer["expiry"] = time.GetUtcNow().AddMinutes(10).ToUnixTimeSeconds());
        var credsFile = Path.Combine(_directory, $"test-{proxied.Harness.Emulator.AccessId}");
        var script = WriteScript($$"""
            #!/bin/sh
            printf '{"creds":"{{proxied.Harness.Emulator.AccessKey}}"}' > "{{credsFile}}"
            """);
        using var client = proxied.Client(o => Saml(o, script + " login"));

        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));
        time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));

        Assert.Equal(2, proxied.Count("static-creds-auth"));
    }

    [Fact]
    public async Task Authenticate_DefaultCommandWithStandInCliOnPath_LogsInThroughAnEmptyListingLikeClearskies()
    {
        var arguments = Path.Combine(_directory, "arguments");
        WriteScript($$"""
            #!/bin/sh
            echo "$@" > "{{arguments}}"
            printf '{"creds":"{{_harness.Emulator.AccessKey}}"}' > "{{CredsFile}}"
            """);
        var path = Environment.GetEnvironmentVariable("PATH");
        Environment.SetEnvironmentVariable("PATH", _directory + System.IO.Path.PathSeparator + path);
        try
        {
            using var client = Client(login: new AkeylessClientOptions().SamlLoginCommand);

            Assert.True((await client.TestConnectionAsync()).Success);
            Assert.True(File.Exists(CredsFile));
            Assert.Equal("list-items --profile test --path /not/a/real/path", (await File.ReadAllTextAsync(arguments)).Trim());
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
        }
    }

    [Fact]
    public async Task Authenticate_CliMissing_ErrorNamesCommandToRun()
    {
        using var client = Client(login: "/nonexistent/akeyless list-items --profile {profile}");

        var result = await client.TestConnectionAsync();

        Assert.False(result.Success);
        Assert.Contains("akeyless auth --access-id " + _harness.Emulator.AccessId + " --access-type saml --profile test", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticate_QuotedProgramPathWithSpaces_RunsThatProgram_WithItsArguments()
    {
        var arguments = Path.Combine(_directory, "arguments");
        var script = WriteScript($$"""
            #!/bin/sh
            printf '%s|' "$@" > "{{arguments}}"
            printf '{"creds":"{{_harness.Emulator.AccessKey}}"}' > "{{CredsFile}}"
            """);
        var spaced = Directory.CreateDirectory(Path.Combine(_directory, "my tools")).FullName;
        File.Move(script, Path.Combine(spaced, "akeyless"));
        using var client = Client(login: $"\"{spaced}/akeyless\"  list-items --profile {{profile}} \"--path=/a b\"");

        Assert.True((await client.TestConnectionAsync()).Success);

        Assert.Equal("list-items|--profile|test|--path=/a b|", await File.ReadAllTextAsync(arguments));
    }

    [Fact]
    public async Task Authenticate_UnclosedQuote_IsAConfigurationErrorNamingTheOption()
    {
        using var client = Client(login: "\"/opt/akeyless list-items");

        var ex = await Assert.ThrowsAsync<AkeylessConfigurationException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());

        Assert.Equal(nameof(AkeylessClientOptions.SamlLoginCommand), ex.Field);
    }

    [Theory]
    [InlineData("~/.akeyless/.tmp_creds", ".akeyless/.tmp_creds")]
    [InlineData("~", "")]
    [InlineData("/abs/creds", null)]
    public void CredentialsFilePath_AFolderWrittenWithATilde_IsUnderTheHomeFolder(string written, string? underHome)
    {
        var options = new AkeylessClientOptions { AccessId = "p-abc", Profile = "work", SamlCredentialsDirectory = written };

        var path = AkeylessSharp.Auth.Internal.SamlAuthenticator.CredentialsFilePath(options);

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        Assert.Equal(Path.Combine(underHome is null ? written : Path.Combine(home, underHome), "work-p-abc"), path);
    }

    [Fact]
    public async Task Authenticate_CliFails_ErrorNamesCommand()
    {
        var script = WriteScript("#!/bin/sh\nexit 7\n");
        using var client = Client(login: script + " login");

        var ex = await Assert.ThrowsAsync<AkeylessConfigurationException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());

        Assert.Contains("exited with code 7", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticate_CliSucceedsWithoutWritingCredentials_IsConfigurationErrorNamingTheFolder_NotUnauthorized()
    {
        var script = WriteScript("#!/bin/sh\nexit 0\n");
        using var client = Client(login: script + " login");

        var ex = await Assert.ThrowsAsync<AkeylessConfigurationException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());

        Assert.Equal(nameof(AkeylessClientOptions.SamlCredentialsDirectory), ex.Field);
        Assert.Null(ex.StatusCode);
        Assert.Contains("exited with code 0 and left no usable credentials in '" + CredsFile + "'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was sent to Akeyless", ex.Message, StringComparison.Ordinal);
        Assert.Contains("akeyless auth --access-id " + _harness.Emulator.AccessId + " --access-type saml --profile test", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'" + _directory + "'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, _harness.Emulator.Counters.Get("auth") + _harness.Emulator.Counters.Get("static-creds-auth"));
    }

    [Theory]
    [InlineData("{\"token\":\"t-expired\",\"expiry\":1000}")]
    [InlineData("not json")]
    public async Task Authenticate_CliSucceedsLeavingUnusableCredentials_IsConfigurationError(string written)
    {
        var source = Path.Combine(_directory, "written-by-cli");
        await File.WriteAllTextAsync(source, written);
        var script = WriteScript($"#!/bin/sh\ncp \"{source}\" \"{CredsFile}\"\n");
        using var client = Client(login: script + " login");

        var ex = await Assert.ThrowsAsync<AkeylessConfigurationException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());

        Assert.True(File.Exists(CredsFile));
        Assert.Contains("left no usable credentials", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("t-expired", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticate_StoredTokenInsideRefreshBuffer_LogsInAgainInsteadOfReusingIt()
    {
        var (token, _) = await IssueTokenAsync();
        var soon = _harness.Time.GetUtcNow().AddMinutes(2).ToUnixTimeSeconds();
        await File.WriteAllTextAsync(CredsFile, JsonSerializer.Serialize(new { token, expiry = soon }));
        var script = WriteScript($$"""
            #!/bin/sh
            printf '{"creds":"{{_harness.Emulator.AccessKey}}"}' > "{{CredsFile}}"
            """);
        using var client = Client(login: script + " login");

        Assert.True((await client.TestConnectionAsync()).Success);

        Assert.Equal(1, _harness.Emulator.Counters.Get("static-creds-auth"));
    }

    [Fact]
    public async Task Authenticate_CliExitsNonZeroAfterWritingCredentials_UsesThem()
    {
        var script = WriteScript($$"""
            #!/bin/sh
            printf '{"creds":"{{_harness.Emulator.AccessKey}}"}' > "{{CredsFile}}"
            echo "listing failed: no permission on /" >&2
            exit 1
            """);
        using var client = Client(login: script + " list-items --profile {profile} --path /");

        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));
    }

    [Fact]
    public async Task Authenticate_CliFailsWithoutCredentials_ErrorQuotesStderrWithoutSecrets()
    {
        var script = WriteScript("""
            #!/bin/sh
            echo "warning: token t-0123456789abcdefghijklmnopqrstuvwxyz expired" >&2
            echo "error: SAML login needs a browser" >&2
            exit 7
            """);
        using var client = Client(login: script + " login");

        var ex = await Assert.ThrowsAsync<AkeylessConfigurationException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());

        Assert.Contains("exited with code 7", ex.Message, StringComparison.Ordinal);
        Assert.Contains("error: SAML login needs a browser", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("0123456789abcdefghijklmnopqrstuvwxyz", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticate_CliStillRunningWhenTheAuthenticationTimesOut_IsStopped_NotLeftBehind()
    {
        var pidFile = Path.Combine(_directory, "cli.pid");
        var script = WriteScript($$"""
            #!/bin/sh
            echo $$ > "{{pidFile}}"
            exec sleep 120
            """);
        using var client = Client(login: script + " login");
        var read = client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask();
        int pid = await ReadPidAsync(pidFile);
        try
        {
            _harness.Time.Advance(client.Options.Timeout);
            await Assert.ThrowsAsync<AkeylessTimeoutException>(() => read.WaitAsync(TimeSpan.FromSeconds(30)));

            Assert.True(await ExitedWithinAsync(pid, TimeSpan.FromSeconds(30)), "the login command was left running after its authentication was given up");
        }
        finally
        {
            Kill(pid);
        }
    }

    [Fact]
    public async Task Authenticate_CliLeavesAProgramHoldingItsOutput_UsesTheCredentialsWithoutWaitingForIt()
    {
        // A SAML login opens a browser, which inherits the CLI's standard output and error and outlives it.
        var pidFile = Path.Combine(_directory, "browser.pid");
        var script = WriteScript($$"""
            #!/bin/sh
            printf '{"creds":"{{_harness.Emulator.AccessKey}}"}' > "{{CredsFile}}"
            echo "opening a browser" >&2
            sleep 120 &
            echo $! > "{{pidFile}}"
            exit 0
            """);
        using var client = Client(login: script + " login");
        var read = client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask();
        int pid = await ReadPidAsync(pidFile);
        try
        {
            Assert.Equal(EmulatorHarness.StaticValue, await read.WaitAsync(TimeSpan.FromSeconds(20)));
        }
        finally
        {
            Kill(pid);
        }
    }

    private static async Task<int> ReadPidAsync(string pidFile)
    {
        for (int i = 0; i < 300; i++)
        {
            if (File.Exists(pidFile) && int.TryParse((await File.ReadAllTextAsync(pidFile)).Trim(), out int pid))
            {
                return pid;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The login command never started.");
    }

    private static async Task<bool> ExitedWithinAsync(int pid, TimeSpan bound)
    {
        using var limit = new CancellationTokenSource(bound);
        while (!limit.IsCancellationRequested)
        {
            if (!IsRunning(pid))
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void Kill(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            // Already gone.
        }
    }

    [Fact]
    public async Task Authenticate_LoginCommandNamedWithoutAPath_IsLookedUpOnThePathOnly_NotInTheWorkingDirectory()
    {
        // .NET's own lookup tries the working directory before the PATH: a program of the login command's name planted
        // there (a cloned repository) would run.
        if (OperatingSystem.IsWindows())
        {
            return; // Windows has its own lookup rules; the client keeps them.
        }

        await File.WriteAllTextAsync(CredsFile, JsonSerializer.Serialize(new { token = "t-expired", expiry = _harness.Time.GetUtcNow().AddMinutes(-1).ToUnixTimeSeconds() }));
        var name = $"akeyless-planted-{Guid.NewGuid():N}";
        var planted = Path.Combine(Directory.GetCurrentDirectory(), name);
        var ran = Path.Combine(_directory, "planted-ran");
        await File.WriteAllTextAsync(planted, $"#!/bin/sh\ntouch \"{ran}\"\n");
        File.SetUnixFileMode(planted, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        try
        {
            using var client = Client(login: name + " login");

            var ex = await Assert.ThrowsAsync<AkeylessConfigurationException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());

            Assert.Equal(nameof(AkeylessClientOptions.SamlLoginCommand), ex.Field);
            Assert.Contains("not found on the PATH", ex.Message, StringComparison.Ordinal);
            Assert.False(File.Exists(ran), "the program planted in the working directory ran");
        }
        finally
        {
            File.Delete(planted);
        }
    }

    private AkeylessClient Client(string login, TimeSpan? ttl = null) => _harness.Client(o =>
    {
        Saml(o, login);
        o.AuthTokenTtl = ttl ?? o.AuthTokenTtl;
    });

    private void Saml(AkeylessClientOptions o, string login)
    {
        o.AccessType = AkeylessAccessType.Saml;
        o.AccessKey = null;
        o.Profile = "test";
        o.SamlCredentialsDirectory = _directory;
        o.SamlLoginCommand = login;
    }

    private string WriteScript(string text)
    {
        var path = Path.Combine(_directory, "akeyless");
        File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }

    private async Task<(string Token, long Expiry)> IssueTokenAsync()
    {
        using var http = new HttpClient();
        using var response = await http.PostAsJsonAsync(new Uri(_harness.Emulator.BaseUrl, "auth"), new Dictionary<string, string>
        {
            ["access-id"] = _harness.Emulator.AccessId,
            ["access-key"] = _harness.Emulator.AccessKey,
        });
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (json.RootElement.GetProperty("token").GetString()!, json.RootElement.GetProperty("creds").GetProperty("expiry").GetInt64());
    }
}
