namespace AkeylessSharp.Configuration.Tests.Connections;

public class ConnectionUriParserTests
{
    [Fact]
    public void Parse_FullPostgresUri_ReadsEveryField()
    {
        var c = AkeylessConnection.Parse("postgresql://user:pass@db.example.com:5432/orders?sslmode=require&application_name=shop");

        Assert.Equal("postgres", c.ConnType);
        Assert.Equal("db.example.com", c.Host);
        Assert.Equal("user", c.Login);
        Assert.Equal("pass", c.Password);
        Assert.Equal("orders", c.Schema);
        Assert.Equal(5432, c.Port);
        Assert.Equal("require", c.Extra["sslmode"]);
        Assert.Equal("shop", c.Extra["application_name"]);
    }

    [Fact]
    public void Parse_PercentEncodedParts_AreDecoded()
    {
        var c = AkeylessConnection.Parse("mysql://ad%40min:p%2Fa%3Ass%40w%3Frd@my%2Dhost:3306/my%20db?opt=a%26b");

        Assert.Equal("ad@min", c.Login);
        Assert.Equal("p/a:ss@w?rd", c.Password);
        Assert.Equal("my-host", c.Host);
        Assert.Equal("my db", c.Schema);
        Assert.Equal("a&b", c.Extra["opt"]);
    }

    [Fact]
    public void Parse_UnencodedAtInPassword_SplitsOnLastAt()
    {
        var c = AkeylessConnection.Parse("postgres://user:p@ss@host/db");

        Assert.Equal("p@ss", c.Password);
        Assert.Equal("host", c.Host);
    }

    [Theory]
    [InlineData("google-cloud-platform://", "google_cloud_platform")]
    [InlineData("Postgresql://h", "postgres")]
    [InlineData("http://h", "http")]
    public void Parse_Scheme_IsNormalisedLikeAirflow(string uri, string expected) =>
        Assert.Equal(expected, AkeylessConnection.Parse(uri).ConnType);

    [Fact]
    public void Parse_ExtraKeyInQuery_IsReadAsJson()
    {
        var c = AkeylessConnection.Parse("http://host?__extra__=%7B%22timeout%22%3A%2030%2C%20%22nested%22%3A%20%7B%22a%22%3A%20true%7D%7D");

        Assert.Equal("30", c.Extra["timeout"]);
        Assert.Equal("True", c.Extra["nested:a"]);
    }

    [Fact]
    public void Parse_QueryPlusAndBlankValues_FollowParseQsl()
    {
        var c = AkeylessConnection.Parse("http://host?a=x+y&flag&a2=1&a2=2");

        Assert.Equal("x y", c.Extra["a"]);
        Assert.Equal("", c.Extra["flag"]);
        Assert.Equal("2", c.Extra["a2"]);
    }

    [Fact]
    public void Parse_HostWithProtocol_KeepsNestedProtocol()
    {
        var c = AkeylessConnection.Parse("http://https://api.example.com:8443/v1");

        Assert.Equal("https://api.example.com", c.Host);
        Assert.Equal(8443, c.Port);
    }

    [Fact]
    public void Parse_Ipv6Host_ReadsHostAndPort()
    {
        var c = AkeylessConnection.Parse("redis://[::1]:6380/2");

        Assert.Equal("::1", c.Host);
        Assert.Equal(6380, c.Port);
        Assert.Equal("2", c.Schema);
    }

    [Fact]
    public void Parse_NoUserInfoNoPort_LeavesThemNull()
    {
        var c = AkeylessConnection.Parse("redis://cache");

        Assert.Null(c.Login);
        Assert.Null(c.Password);
        Assert.Null(c.Port);
        Assert.Null(c.Schema);
        Assert.Empty(c.Extra);
    }

    [Theory]
    [InlineData("just some text")]
    [InlineData("://host")]
    [InlineData("1abc://host")]
    [InlineData("a://b://c://d")]
    [InlineData("http://[::1")]
    [InlineData("http://host:99999")]
    [InlineData("http://host:12ab")]
    public void Parse_InvalidUri_ThrowsFormatExceptionWithReason(string uri)
    {
        var ex = Assert.Throws<AkeylessConnectionFormatException>(() => AkeylessConnection.Parse(uri, "db"));

        Assert.Equal("db", ex.ConnectionId);
        Assert.Contains("'db'", ex.Message, StringComparison.Ordinal);
        Assert.NotEmpty(ex.Reason);
    }

    [Fact]
    public void Parse_PasswordWithUnencodedSlash_ErrorNeverQuotesThePassword()
    {
        var ex = Assert.Throws<AkeylessConnectionFormatException>(() => AkeylessConnection.Parse("postgres://user:Secr3t/xyz@host:5432/db", "main"));

        Assert.DoesNotContain("Secr3t", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("xyz", ex.Message, StringComparison.Ordinal);
        Assert.Contains("port", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_Connection_RedactsPassword()
    {
        var c = AkeylessConnection.Parse("postgres://user:TopSecret@host:5432/db");

        Assert.DoesNotContain("TopSecret", c.ToString(), StringComparison.Ordinal);
        Assert.Contains("***", c.ToString(), StringComparison.Ordinal);
    }
}
