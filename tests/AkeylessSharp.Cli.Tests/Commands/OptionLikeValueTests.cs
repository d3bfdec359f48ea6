using AkeylessSharp.Cli.Tests.Infrastructure;

namespace AkeylessSharp.Cli.Tests.Commands;

/// <summary>A mistyped option of <c>set</c>, <c>create</c> or <c>update</c> is refused, never stored as the secret's value.</summary>
public sealed class OptionLikeValueTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Theory]
    [InlineData("set", "--stdn")]
    [InlineData("set", "--fle=pw.txt")]
    [InlineData("create", "-s3cr3t-lookalike")]
    [InlineData("update", "--stdn")]
    public async Task Write_MistypedOptionAsValue_ExitsTwoAndKeepsTheStoredValue(string command, string typo)
    {
        var path = EmulatorFixture.UniquePath();
        await fixture.RunWithStdinAsync("original", "set", path, "--stdin");

        var result = await fixture.RunWithStdinAsync("new", command, path, typo);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("after --", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(typo, result.Error, StringComparison.Ordinal);
        Assert.Equal("original\n", (await fixture.RunAsync("get", path)).Out);
    }

    [Theory]
    [InlineData("-dash-first-secret")]
    [InlineData("-")]
    public async Task Set_ValueStartingWithDashAfterDoubleDash_IsStored(string value)
    {
        var path = EmulatorFixture.UniquePath();

        var set = await fixture.RunAsync("set", path, "--", value);

        Assert.True(set.ExitCode == 0, set.ToString());
        Assert.Equal(value + "\n", (await fixture.RunAsync("get", path)).Out);
    }
}
