using AkeylessSharp.Cli.Tests.Infrastructure;

namespace AkeylessSharp.Cli.Tests.Commands;

public sealed class GetCommandTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Get_StaticSecret_PrintsExactlyValueAndNewline()
    {
        var result = await fixture.RunAsync("get", EmulatorFixture.StaticPath);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(EmulatorFixture.StaticValue + "\n", result.Out);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public async Task Get_Version_PrintsThatVersion()
    {
        var result = await fixture.RunAsync("get", EmulatorFixture.StaticPath, "--version", "1");

        Assert.Equal(EmulatorFixture.OldValue + "\n", result.Out);
    }

    [Fact]
    public async Task Get_JsonAttribute_PrintsAttributeRaw()
    {
        var result = await fixture.RunAsync("get", EmulatorFixture.JsonPath, "--json-attribute", "db.password");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("json-pw\n", result.Out);
    }

    [Fact]
    public async Task Get_MissingJsonAttribute_ExitsOneWithoutValue()
    {
        var result = await fixture.RunAsync("get", EmulatorFixture.JsonPath, "--json-attribute", "db.nope");

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.DoesNotContain("json-pw", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_JsonAttributeOfATextSecret_NamesTheFlagNotTheLibraryOption()
    {
        var result = await fixture.RunAsync("get", EmulatorFixture.StaticPath, "--type", "static", "--json-attribute", "db");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("without --json-attribute", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(EmulatorFixture.StaticValue, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("static")]
    public async Task Get_TypeOfStatic_PrintsValue(string type)
    {
        var result = await fixture.RunAsync("get", EmulatorFixture.StaticPath, "--type", type);

        Assert.Equal(EmulatorFixture.StaticValue + "\n", result.Out);
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("rotated")]
    public async Task Get_RotatedSecretWithAttribute_PrintsPassword(string type)
    {
        var result = await fixture.RunAsync("get", EmulatorFixture.RotatedPath, "--type", type, "--json-attribute", "password");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(EmulatorFixture.RotatedPassword + "\n", result.Out);
    }

    [Fact]
    public async Task Get_DynamicSecret_PrintsJsonFieldsOnOneLine()
    {
        var result = await fixture.RunAsync("get", EmulatorFixture.DynamicPath, "--type", "dynamic");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("{", result.Out, StringComparison.Ordinal);
        Assert.Single(result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("tmp_", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Missing_ExitsFourWithOneErrorLine()
    {
        var result = await fixture.RunAsync("get", "/no/such/item");

        Assert.Equal(4, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Equal("error: item /no/such/item not found (404). Check the path or your role's list rights.\n", result.Error);
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("static")]
    public async Task Get_VersionMissingOnExistingItem_KeepsTheServiceReasonAndExitsFour(string type)
    {
        var result = await fixture.RunAsync("get", EmulatorFixture.StaticPath, "--version", "7", "--type", type);

        Assert.Equal(4, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.Equal($"error: version 7 of item {EmulatorFixture.StaticPath} not found (404). Check the version asked for.\n", result.Error);
    }

    [Fact]
    public async Task Get_InvalidType_ExitsTwo()
    {
        var result = await fixture.RunAsync("get", EmulatorFixture.StaticPath, "--type", "weird");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Out);
        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
    }
}
