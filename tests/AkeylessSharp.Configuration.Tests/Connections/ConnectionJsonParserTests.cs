namespace AkeylessSharp.Configuration.Tests.Connections;

public class ConnectionJsonParserTests
{
    [Fact]
    public void Parse_JsonFields_ReadsEveryField()
    {
        var c = AkeylessConnection.Parse("""{"conn_type":"postgres","host":"db.example.com","login":"admin","password":"secret","schema":"mydb","port":5432,"extra":{"sslmode":"require"}}""");

        Assert.Equal("postgres", c.ConnType);
        Assert.Equal("db.example.com", c.Host);
        Assert.Equal("admin", c.Login);
        Assert.Equal("secret", c.Password);
        Assert.Equal("mydb", c.Schema);
        Assert.Equal(5432, c.Port);
        Assert.Equal("require", c.Extra["sslmode"]);
    }

    [Fact]
    public void Parse_ExtraAsJsonString_IsFlattened()
    {
        var c = AkeylessConnection.Parse("""{"conn_type":"http","host":"h","extra":"{\"timeout\": 5, \"hosts\": [\"a\", \"b\"]}"}""");

        Assert.Equal("5", c.Extra["timeout"]);
        Assert.Equal("b", c.Extra["hosts:1"]);
        Assert.Null(c.ExtraText);
    }

    [Fact]
    public void Parse_ExtraAsPlainString_KeepsText()
    {
        var c = AkeylessConnection.Parse("""{"conn_type":"http","extra":"not json"}""");

        Assert.Equal("not json", c.ExtraText);
        Assert.Empty(c.Extra);
    }

    [Fact]
    public void Parse_PortAsString_IsAccepted() =>
        Assert.Equal(3306, AkeylessConnection.Parse("""{"conn_type":"mysql","port":"3306"}""").Port);

    [Fact]
    public void Parse_ConnUri_IsParsedAsUri()
    {
        var c = AkeylessConnection.Parse("""{"conn_uri":"postgresql://user:p%40ss@host:5432/dbname"}""");

        Assert.Equal("postgres", c.ConnType);
        Assert.Equal("p@ss", c.Password);
        Assert.Equal("dbname", c.Schema);
    }

    [Fact]
    public void Parse_ConnUriWithOtherFields_UriWinsAndFieldsAreDroppedLikeAirflow()
    {
        var c = AkeylessConnection.Parse("""{"conn_uri":"postgres://u:p@h:5432/db","host":"other","port":1,"extra":{"k":"v"}}""", "x");

        Assert.Equal("h", c.Host);
        Assert.Equal(5432, c.Port);
        Assert.Equal("db", c.Schema);
        Assert.Empty(c.Extra);
    }

    [Theory]
    [InlineData("""{"conn_uri":"","conn_type":"postgres","host":"db","port":5433}""")]
    [InlineData("""{"conn_uri":null,"conn_type":"postgres","host":"db","port":5433}""")]
    [InlineData("""{"conn_uri":false,"conn_type":"postgres","host":"db","port":5433}""")]
    public void Parse_EmptyConnUriWithFields_UsesTheFieldsLikeAirflow(string json)
    {
        var c = AkeylessConnection.Parse(json, "x");

        Assert.Equal("postgres", c.ConnType);
        Assert.Equal("db", c.Host);
        Assert.Equal(5433, c.Port);
    }

    [Fact]
    public void Parse_JsonStringLiteral_IsReadAsUriLikeAirflow()
    {
        var c = AkeylessConnection.Parse("\"mysql://root:pw@my:3306/shop\"", "x");

        Assert.Equal("mysql", c.ConnType);
        Assert.Equal("my", c.Host);
        Assert.Equal("pw", c.Password);
        Assert.Equal("shop", c.Schema);
    }

    [Theory]
    [InlineData("""{"conn_type":"postgres","port":"abc"}""", "port")]
    [InlineData("""{"conn_type":"postgres","port":70000}""", "port")]
    [InlineData("""{"conn_type":"postgres","port":1.5}""", "port")]
    [InlineData("""{"conn_type":5}""", "conn_type")]
    [InlineData("""{"host":["a"]}""", "host")]
    [InlineData("""{"extra":[1]}""", "extra")]
    [InlineData("""{"extra":"{broken"}""", "extra")]
    [InlineData("""{"conn_uri":"   "}""", "conn_uri")]
    [InlineData("""{"conn_uri":42}""", "conn_uri")]
    [InlineData("[\"postgres://h\"]", "URI")]
    [InlineData("\"unterminated", "JSON")]
    [InlineData("""{"conn_type": "postgres", """, "JSON")]
    public void Parse_InvalidJson_ThrowsFormatExceptionNamingTheField(string json, string mentioned)
    {
        var ex = Assert.Throws<AkeylessConnectionFormatException>(() => AkeylessConnection.Parse(json, "conn1"));

        Assert.Contains(mentioned, ex.Reason, StringComparison.Ordinal);
        Assert.Equal("conn1", ex.ConnectionId);
    }

    [Fact]
    public void Parse_BrokenJsonAfterPassword_MessageNeverQuotesTheValue()
    {
        var ex = Assert.Throws<AkeylessConnectionFormatException>(() => AkeylessConnection.Parse("""{"password":"Hunter2" oops}""", "db"));

        Assert.DoesNotContain("Hunter2", ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("oops", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyValue_Throws() =>
        Assert.Throws<AkeylessConnectionFormatException>(() => AkeylessConnection.Parse("   "));

    [Fact]
    public void TryParse_InvalidValue_ReturnsFalse()
    {
        Assert.False(AkeylessConnection.TryParse("nope", out var c));
        Assert.Null(c);
        Assert.True(AkeylessConnection.TryParse("redis://h", out c));
        Assert.Equal("redis", c.ConnType);
    }
}
