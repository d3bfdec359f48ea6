using System.Text.Json;
using AkeylessSharp.Cli.Tests.Infrastructure;

namespace AkeylessSharp.Cli.Tests.Commands;

public sealed class ListAndDescribeCommandTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task List_Redirected_PrintsOneNamePerLine()
    {
        var result = await fixture.RunAsync("list", "/app");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["/app/config", "/app/db/password", "/app/other"], result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task List_Json_PrintsMetadataWithoutValues()
    {
        var result = await fixture.RunAsync("list", "/app", "--output", "json");

        using var json = JsonDocument.Parse(result.Out);
        var item = json.RootElement.EnumerateArray().Single(static i => i.GetProperty("name").GetString() == EmulatorFixture.StaticPath);
        Assert.Equal("static-secret", item.GetProperty("type").GetString());
        Assert.Equal(2, item.GetProperty("lastVersion").GetInt32());
        Assert.DoesNotContain(EmulatorFixture.StaticValue, result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_Table_ShowsColumns()
    {
        var result = await fixture.RunAsync("list", "/", "-o", "table");

        Assert.Contains("Name", result.Out, StringComparison.Ordinal);
        Assert.Contains("rotated-secret", result.Out, StringComparison.Ordinal);
        Assert.Contains(EmulatorFixture.SshIssuerPath, result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_OnTerminal_DefaultsToTable()
    {
        var result = await fixture.RunOnTerminalAsync("list", "/app");

        Assert.Contains("│", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_TypeFilter_KeepsThatKind()
    {
        var result = await fixture.RunAsync("list", "--type", "rotated", "--type", "dynamic");

        Assert.Equal([EmulatorFixture.DynamicPath, EmulatorFixture.RotatedPath], result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task List_Tag_KeepsTaggedItems()
    {
        var result = await fixture.RunAsync("list", "/app", "--tag", "env:test");

        Assert.Equal(EmulatorFixture.StaticPath + "\n", result.Out);
    }

    [Fact]
    public async Task List_Filter_KeepsMatchingNames()
    {
        var result = await fixture.RunAsync("list", "/app", "--filter", "config");

        Assert.Equal(EmulatorFixture.JsonPath + "\n", result.Out);
    }

    [Fact]
    public async Task List_UnknownType_ExitsTwo()
    {
        var result = await fixture.RunAsync("list", "--type", "banana");

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task Describe_Json_IncludesVersionsAndTags()
    {
        var result = await fixture.RunAsync("describe", EmulatorFixture.StaticPath);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("db password", json.RootElement.GetProperty("description").GetString());
        Assert.Equal("env:test", json.RootElement.GetProperty("tags")[0].GetString());
        Assert.Equal(2, json.RootElement.GetProperty("versions").GetArrayLength());
        Assert.DoesNotContain(EmulatorFixture.StaticValue, result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_Table_ShowsFields()
    {
        var result = await fixture.RunAsync("describe", EmulatorFixture.StaticPath, "-o", "table");

        Assert.Contains("Description", result.Out, StringComparison.Ordinal);
        Assert.Contains("db password", result.Out, StringComparison.Ordinal);
        Assert.Contains("static-secret", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_Missing_ExitsFour()
    {
        var result = await fixture.RunAsync("describe", "/nope");

        Assert.Equal(4, result.ExitCode);
    }
}
