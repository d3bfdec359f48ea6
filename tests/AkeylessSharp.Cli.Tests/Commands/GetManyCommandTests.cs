using System.Text.Json;
using AkeylessSharp.Cli.Tests.Infrastructure;

namespace AkeylessSharp.Cli.Tests.Commands;

public sealed class GetManyCommandTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task GetMany_Redirected_PrintsJsonObjectKeyedByPath()
    {
        var result = await fixture.RunAsync("get-many", EmulatorFixture.StaticPath, "/app/other");

        Assert.Equal(0, result.ExitCode);
        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(result.Out)!;
        Assert.Equal(EmulatorFixture.StaticValue, values[EmulatorFixture.StaticPath]);
        Assert.Equal("has space and 'quote'", values["/app/other"]);
    }

    [Fact]
    public async Task GetMany_Env_PrintsShellSafeAssignments()
    {
        var result = await fixture.RunAsync("get-many", "DB_PASSWORD=" + EmulatorFixture.StaticPath, "/app/other", "--output", "env");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("DB_PASSWORD='s3cr3t-value-!'\nAPP_OTHER='has space and '\\''quote'\\'''\n", result.Out);
    }

    [Fact]
    public async Task GetMany_Table_ShowsPathsAndValues()
    {
        var result = await fixture.RunAsync("get-many", EmulatorFixture.StaticPath, "-o", "table");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(EmulatorFixture.StaticPath, result.Out, StringComparison.Ordinal);
        Assert.Contains(EmulatorFixture.StaticValue, result.Out, StringComparison.Ordinal);
        Assert.Contains("Value", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMany_OnTerminal_DefaultsToTable()
    {
        var result = await fixture.RunOnTerminalAsync("get-many", EmulatorFixture.StaticPath);

        Assert.Contains("│", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMany_OneMissing_ExitsFourNamingIt()
    {
        var result = await fixture.RunAsync("get-many", EmulatorFixture.StaticPath, "/app/missing");

        Assert.Equal(4, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Equal("error: no item at /app/missing (404). Check the path or your role's list rights.\n", result.Error);
    }

    [Fact]
    public async Task GetMany_SeveralMissing_NamesEveryMissingPathAndNoValue()
    {
        var result = await fixture.RunAsync("get-many", "/app/missing-1", EmulatorFixture.StaticPath, "/app/missing-2", "-o", "env");

        Assert.Equal(4, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Contains("/app/missing-1, /app/missing-2", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(EmulatorFixture.StaticPath, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(EmulatorFixture.StaticValue, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMany_EnvNameCollision_ExitsTwo()
    {
        var result = await fixture.RunAsync("get-many", "A=/app/other", "A=/app/config", "-o", "env");

        Assert.Equal(2, result.ExitCode);
    }

    [Theory]
    [InlineData("1BAD")]
    [InlineData("A-B")]
    [InlineData("A;B")]
    public async Task GetMany_EnvInvalidVariableName_ExitsTwoNamingItWithoutValue(string name)
    {
        var result = await fixture.RunAsync("get-many", name + "=" + EmulatorFixture.StaticPath, "-o", "env");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Contains($"'{name}'", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(EmulatorFixture.StaticValue, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetMany_Dotenv_PrintsDoubleQuotedEscapedLines()
    {
        var result = await fixture.RunAsync("get-many", "DB_PASSWORD=" + EmulatorFixture.StaticPath, "/app/other", "-o", "dotenv");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("DB_PASSWORD=\"s3cr3t-value-!\"\nAPP_OTHER=\"has space and 'quote'\"\n", result.Out);
    }

    [Theory]
    [InlineData("--outptu", "json")]
    [InlineData("--outptu=json")]
    [InlineData("-O")]
    public async Task GetMany_MistypedOption_IsAUsageErrorNotAMissingItem(params string[] typo)
    {
        var result = await fixture.RunAsync(["get-many", EmulatorFixture.StaticPath, .. typo]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("like an option", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }
}
