using System.Text.Json;

namespace AkeylessSharp.Cli.Tests.Exec;

public sealed class EnvCommandTests(ExecEmulator emulator) : IClassFixture<ExecEmulator>
{
    [Fact]
    public async Task Env_DefaultFormat_IsShellAssignments()
    {
        var result = await emulator.RunInProcessAsync("env", "--map", "KEY=/demo/api/key");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"KEY='{ExecEmulator.ApiKey}'\n", result.Out);
    }

    [Fact]
    public async Task Env_Json_IsObjectKeyedByVariable()
    {
        var result = await emulator.RunInProcessAsync("env", "--path", "/demo", "-o", "json");

        Assert.Equal(0, result.ExitCode);
        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(result.Out)!;
        Assert.Equal(ExecEmulator.DbPassword, values["DB_PASSWORD"]);
        Assert.Equal(ExecEmulator.ApiKey, values["API_KEY"]);
        Assert.Equal(3, values.Count);
    }

    [Fact]
    public async Task Env_MapRepeatingWhatPathDerives_IsOneVariableNotACollision()
    {
        var result = await emulator.RunInProcessAsync("env", "--path", "/demo", "--map", "DB_PASSWORD=/demo/db/password", "-o", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(result.Out)!;
        Assert.Equal(ExecEmulator.DbPassword, values["DB_PASSWORD"]);
        Assert.Equal(3, values.Count);
    }

    [Fact]
    public async Task Env_JsonExpandCollision_NamesTheFieldAndTheOtherPath()
    {
        var result = await emulator.RunInProcessAsync("env", "--path", "/json", "--json-expand");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("APP_PORT", result.Error, StringComparison.Ordinal);
        Assert.Contains("/json/app_port", result.Error, StringComparison.Ordinal);
        Assert.Contains("field port of /json/app", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Env_JsonExpandDuplicateKey_IsUsageErrorNamingTheFieldNotTheValues()
    {
        var result = await emulator.RunInProcessAsync("env", "--map", "APP=/dupjson/app", "--json-expand");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Equal("error: field k of /dupjson/app (--json-expand) appears twice in that JSON object, so APP_K has two values; give the secret one field of that name.\n", result.Error);
    }

    [Fact]
    public async Task Env_JsonExpandNestedArraysNullAndOddNames_FollowTheDocumentedRules()
    {
        var result = await emulator.RunInProcessAsync("env", "--map", "APP=/deepjson/app", "--json-expand", "-o", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(result.Out)!;
        Assert.Equal("""[{"b":null}]""", values["APP_A"]);
        Assert.Equal("deep", values["APP_C_D_E_F"]);
        Assert.Equal("empty-name", values["APP_"]);
        Assert.Equal("true", values["APP_X_Y"]);
        Assert.Equal(5, values.Count);
    }

    [Fact]
    public async Task Env_JsonExpandAtTheDepthLimit_ExpandsTheInnermostField()
    {
        var result = await emulator.RunInProcessAsync("env", "--map", "APP=/nested/at-limit", "--json-expand", "-o", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(result.Out)!;
        Assert.Equal(ExecEmulator.NestedLeaf, values["APP" + string.Concat(Enumerable.Repeat("_A", ExecEmulator.JsonExpanderLimit))]);
        Assert.Equal(2, values.Count);
    }

    [Fact]
    public async Task Env_JsonExpandDeeperThanTheLimit_IsUsageErrorNamingThePathNotTheValue()
    {
        var result = await emulator.RunInProcessAsync("env", "--map", "APP=/nested/too-deep", "--json-expand");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Equal($"error: the JSON object of /nested/too-deep is nested deeper than {ExecEmulator.JsonExpanderLimit} levels, so --json-expand cannot set its fields; "
            + "flatten it, or leave out --json-expand (the variable of the secret itself keeps the whole JSON).\n", result.Error);
        Assert.DoesNotContain(ExecEmulator.NestedLeaf, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Env_JsonExpandUnpairedSurrogateEscape_IsUsageErrorNamingTheFieldNotTheValue()
    {
        var result = await emulator.RunInProcessAsync("env", "--map", "APP=/badtext/app", "--json-expand");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("field bad of /badtext/app", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("half-", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("fine-value", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public async Task Env_DeepJsonWithoutJsonExpand_IsSetWhole()
    {
        var result = await emulator.RunInProcessAsync("env", "--map", "APP=/nested/too-deep", "-o", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(ExecEmulator.Nested(ExecEmulator.JsonExpanderLimit + 1), JsonSerializer.Deserialize<Dictionary<string, string>>(result.Out)!["APP"]);
    }

    [Theory]
    [InlineData("--map", "1BAD=/demo/api/key")]
    [InlineData("--map", "NOEQUALS")]
    [InlineData("--map", "A=")]
    [InlineData("--path", "")]
    public async Task Env_MalformedSource_IsUsageError(string option, string value)
    {
        var result = await emulator.RunInProcessAsync("env", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Env_NoSource_IsUsageError()
    {
        var result = await emulator.RunInProcessAsync("env");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--map", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Env_EmptyPrefix_IsNotFoundNamingIt()
    {
        var result = await emulator.RunInProcessAsync("env", "--path", "/nothing/here");

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("/nothing/here", result.Error, StringComparison.Ordinal);
    }
}
