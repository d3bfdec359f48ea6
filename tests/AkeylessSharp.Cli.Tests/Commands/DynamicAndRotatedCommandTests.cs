using System.Text.Json;
using AkeylessSharp.Cli.Tests.Infrastructure;

namespace AkeylessSharp.Cli.Tests.Commands;

public sealed class DynamicAndRotatedCommandTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Dynamic_PrintsFreshCredentialsAsJson()
    {
        var result = await fixture.RunAsync("dynamic", EmulatorFixture.DynamicPath, "--arg", "ttl=60", "--arg", "role=ro");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.StartsWith("tmp_", json.RootElement.GetProperty("user").GetString(), StringComparison.Ordinal);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Dynamic_JsonAttribute_PrintsFieldRaw()
    {
        var result = await fixture.RunAsync("dynamic", EmulatorFixture.DynamicPath, "--json-attribute", "user");

        Assert.Matches("^tmp_[^\"\n]+\n$", result.Out);
    }

    [Fact]
    public async Task Dynamic_MalformedArg_ExitsTwo()
    {
        var result = await fixture.RunAsync("dynamic", EmulatorFixture.DynamicPath, "--arg", "novalue");

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task Rotated_PrintsUsernameAndPassword()
    {
        var result = await fixture.RunAsync("rotated", EmulatorFixture.RotatedPath);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("svc_app", json.RootElement.GetProperty("username").GetString());
        Assert.Equal(EmulatorFixture.RotatedPassword, json.RootElement.GetProperty("password").GetString());
    }

    [Fact]
    public async Task Rotated_JsonAttribute_PrintsPasswordRaw()
    {
        var result = await fixture.RunAsync("rotated", EmulatorFixture.RotatedPath, "--json-attribute", "password");

        Assert.Equal(EmulatorFixture.RotatedPassword + "\n", result.Out);
    }

    [Fact]
    public async Task Rotated_Missing_ExitsFour()
    {
        var result = await fixture.RunAsync("rotated", "/rot/missing");

        Assert.Equal(4, result.ExitCode);
    }
}
