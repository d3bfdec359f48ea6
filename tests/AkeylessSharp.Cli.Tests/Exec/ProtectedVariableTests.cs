using System.Text.Json;
using System.Text.RegularExpressions;
using AkeylessSharp.Cli.Exec;
using AkeylessSharp.Cli.Tests.Infrastructure;

namespace AkeylessSharp.Cli.Tests.Exec;

/// <summary>
/// A name derived from a secret's path or a JSON field that controls how a program loads or runs (LD_PRELOAD, PATH,
/// NODE_OPTIONS, DOTNET_*...) is refused unless the user names it: --allow-env NAME, or --map NAME=/path.
/// </summary>
public sealed class ProtectedVariableTests(ExecEmulator emulator) : IClassFixture<ExecEmulator>
{
    [Theory]
    [InlineData("/inj/ld", "/inj/ld/ld_preload", "LD_PRELOAD")]
    [InlineData("/inj/path", "/inj/path/path", "PATH")]
    [InlineData("/inj/node", "/inj/node/node-options", "NODE_OPTIONS")]
    [InlineData("/inj/hook", "/inj/hook/dotnet_startup_hooks", "DOTNET_STARTUP_HOOKS")]
    [InlineData("/inj/complus", "/inj/complus/complus_enableeventpipe", "COMPLUS_ENABLEEVENTPIPE")]
    public async Task Env_PathDerivingAProtectedName_IsUsageErrorNamingPathAndVariableNotTheValue(string prefix, string path, string variable)
    {
        var result = await emulator.RunInProcessAsync("env", "--path", prefix);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Contains($"{path} (--path {prefix}) would set {variable},", result.Error, StringComparison.Ordinal);
        Assert.Contains($"--allow-env {variable}", result.Error, StringComparison.Ordinal);
        Assert.Contains($"--map {variable}={path}", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(ExecEmulator.InjectedValue, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Env_AllowEnv_LetsThatDerivedNameThrough()
    {
        var result = await emulator.RunInProcessAsync("env", "--path", "/inj/ld", "--allow-env", "LD_PRELOAD", "-o", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(ExecEmulator.InjectedValue, JsonSerializer.Deserialize<Dictionary<string, string>>(result.Out)!["LD_PRELOAD"]);
    }

    [Fact]
    public async Task Env_AllowEnvForAnotherName_StillRefuses()
    {
        var result = await emulator.RunInProcessAsync("env", "--path", "/inj/ld", "--allow-env", "PATH");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("LD_PRELOAD", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Env_MapNamingAProtectedVariable_IsAllowedBecauseTheUserNamedIt()
    {
        var result = await emulator.RunInProcessAsync("env", "--map", "LD_PRELOAD=/inj/ld/ld_preload");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"LD_PRELOAD='{ExecEmulator.InjectedValue}'\n", result.Out);
    }

    [Fact]
    public async Task Env_PathDerivingANameThatOnlyLooksAlike_IsSet()
    {
        var result = await emulator.RunInProcessAsync("env", "--path", "/inj/near");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("LDAP_PASSWORD='near-value'\n", result.Out);
    }

    [Fact]
    public async Task Env_JsonExpandFieldDerivingAProtectedName_IsRefusedNamingTheField()
    {
        var result = await emulator.RunInProcessAsync("env", "--map", "DOTNET=/inj/json/app", "--json-expand");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Contains("field startup_hooks of /inj/json/app (--json-expand) would set DOTNET_STARTUP_HOOKS,", result.Error, StringComparison.Ordinal);
        Assert.Contains("--allow-env DOTNET_STARTUP_HOOKS", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(ExecEmulator.InjectedValue, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Env_AllowEnvNotAVariableName_IsUsageError()
    {
        var result = await emulator.RunInProcessAsync("env", "--path", "/inj/ld", "--allow-env", "LD-PRELOAD");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'LD-PRELOAD' (in --allow-env)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exec_PathDerivingLdPreload_IsRefusedBeforeTheProgramRuns()
    {
        var marker = Path.Combine(Path.GetTempPath(), $"akeyless-sharp-protected-{Guid.NewGuid():N}");

        var result = await emulator.RunToolAsync(null, "exec", "--path", "/inj/ld", "--", "sh", "-c", "touch \"$1\"", "sh", marker);

        Assert.Equal(2, result.ExitCode);
        Assert.False(File.Exists(marker), "the program ran");
        Assert.Contains("/inj/ld/ld_preload (--path /inj/ld) would set LD_PRELOAD,", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(ExecEmulator.InjectedValue, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exec_AllowEnv_ProgramSeesTheValue()
    {
        var result = await emulator.RunToolAsync(null, "exec", "--path", "/inj/hook", "--allow-env", "DOTNET_STARTUP_HOOKS", "--",
            "sh", "-c", "printf %s \"$DOTNET_STARTUP_HOOKS\"");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(ExecEmulator.InjectedValue, result.OutText);
    }

    [Theory]
    [InlineData("LD_PRELOAD", true)]
    [InlineData("LD_AUDIT", true)]
    [InlineData("DYLD_INSERT_LIBRARIES", true)]
    [InlineData("BASH_ENV", true)]
    [InlineData("PS4", true)]
    [InlineData("IFS", true)]
    [InlineData("_JAVA_OPTIONS", true)]
    [InlineData("JAVA_TOOL_OPTIONS", true)]
    [InlineData("CORECLR_PROFILER_PATH", true)]
    [InlineData("COR_PROFILER", true)]
    [InlineData("COMPlus_gcServer", true)]
    [InlineData("path", true)]
    [InlineData("GIT_SSH_COMMAND", true)]
    [InlineData("GIT_CONFIG_KEY_0", true)]
    [InlineData("LESSOPEN", true)]
    [InlineData("GIT_AUTHOR_NAME", false)]
    [InlineData("LDAP_URL", false)]
    [InlineData("DB_PATH", false)]
    [InlineData("PATHS", false)]
    [InlineData("ENVIRONMENT", false)]
    [InlineData("DOTNETCORE", false)]
    public void ProtectedVariables_Contains_MatchesTheListAndItsFamiliesOnly(string name, bool expected) =>
        Assert.Equal(expected, ProtectedVariables.Contains(name));

    [Fact]
    public void ProtectedVariables_EveryNameAndPrefix_IsListedInTheCliReadme()
    {
        var readme = CliReadme.Text();
        var start = readme.IndexOf("could otherwise run code in the program:", StringComparison.Ordinal);
        Assert.True(start >= 0, "the README no longer lists the refused names");
        var section = readme[start..readme.IndexOf("(case ignored)", start, StringComparison.Ordinal)];

        Assert.All(ProtectedVariables.Names, name => Assert.Contains($"`{name}`", section, StringComparison.Ordinal));
        Assert.All(ProtectedVariables.Prefixes, prefix => Assert.Contains($"`{prefix}`", section, StringComparison.Ordinal));
        Assert.Equal(ProtectedVariables.Names.Count + ProtectedVariables.Prefixes.Count, Regex.Matches(section, "`[^`]+`").Count);
    }
}
