using AkeylessSharp.Cli.Infrastructure;
using AkeylessSharp.Cli.Settings;

namespace AkeylessSharp.Cli.Tests.Settings;

public sealed class ProfileFileTests
{
    [Fact]
    public void Parse_ConfigureLayout_ReadsTheProfilesTable()
    {
        var values = ProfileFile.Parse("""
            # written by akeyless configure
            ["prod"]
              access_id = 'p-abc' # trailing comment
              access_key = "a\"b\\c\u0041"
              legacy_signing_alg = false
            ["other"]
              access_id = 'p-other'
            """, "prod", "prod.toml");

        Assert.Equal("p-abc", values["access_id"]);
        Assert.Equal("a\"b\\cA", values["access_key"]);
        Assert.Equal("false", values["legacy_signing_alg"]);
        Assert.Equal(3, values.Count);
    }

    [Fact]
    public void Parse_KeysWithoutTable_AreRead()
    {
        var values = ProfileFile.Parse("access_id = 'p-abc'\naccess_type = 'saml'\n", "default", "default.toml");

        Assert.Equal("saml", values["access_type"]);
    }

    [Theory]
    [InlineData("[default] # the [main] account")]
    [InlineData("[\"default\"] # ]")]
    public void Parse_HeaderWithCommentHoldingBrackets_ReadsTheProfilesTable(string header)
    {
        var values = ProfileFile.Parse(header + "\naccess_id = 'p-abc'\n[other]\naccess_id = 'p-other'\n", "default", "default.toml");

        Assert.Equal("p-abc", values["access_id"]);
    }

    [Theory]
    [InlineData("access_key")]
    [InlineData("access_key = '''multi")]
    [InlineData("access_key = 'open")]
    [InlineData("access_key = \"bad \\q escape\"")]
    [InlineData("access_key = 'x' trailing")]
    public void Parse_Malformed_NamesFileAndLine(string line)
    {
        var error = Assert.Throws<CliUsageException>(() => ProfileFile.Parse("[\"p\"]\n" + line + "\n", "p", "p.toml"));

        Assert.Contains("p.toml, line 2", error.Message, StringComparison.Ordinal);
    }
}
