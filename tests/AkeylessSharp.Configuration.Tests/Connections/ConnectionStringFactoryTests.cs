using System.Data.Common;

namespace AkeylessSharp.Configuration.Tests.Connections;

public class ConnectionStringFactoryTests
{
    [Fact]
    public void ToConnectionString_Postgres_IsNpgsqlForm()
    {
        var cs = AkeylessConnection.Parse("postgresql://user:pass@db:5432/orders?sslmode=verify-full").ToConnectionString();

        Assert.Equal("Host=db;Port=5432;Database=orders;Username=user;Password=pass;SSL Mode=VerifyFull", cs);
    }

    [Fact]
    public void ToConnectionString_PasswordWithSeparators_IsQuotedAndRoundTrips()
    {
        const string password = "a;b=c'd\"e";
        var cs = AkeylessConnection.Parse("postgres://user:" + Uri.EscapeDataString(password) + "@db/x").ToConnectionString();

        var parsed = new DbConnectionStringBuilder { ConnectionString = cs };
        Assert.Equal(password, parsed["Password"]);
        Assert.Equal("x", parsed["Database"]);
    }

    [Fact]
    public void ToConnectionString_MySql_IsMySqlConnectorForm() =>
        Assert.Equal(
            "Server=my;Port=3306;Database=shop;User ID=root;Password=pw;CharSet=utf8mb4",
            AkeylessConnection.Parse("mysql://root:pw@my:3306/shop?charset=utf8mb4").ToConnectionString());

    [Theory]
    [InlineData("mssql://sa:pw@sql:1433/master", "Data Source=sql,1433;Initial Catalog=master;User ID=sa;Password=pw")]
    [InlineData("sqlserver://sa:pw@sql/master?encrypt=true", "Data Source=sql;Initial Catalog=master;User ID=sa;Password=pw;Encrypt=true")]
    public void ToConnectionString_SqlServer_IsSqlClientForm(string uri, string expected) =>
        Assert.Equal(expected, AkeylessConnection.Parse(uri).ToConnectionString());

    [Fact]
    public void ToConnectionString_Redis_IsStackExchangeForm() =>
        Assert.Equal("cache:6380,user=app,password=pw,defaultDatabase=3,ssl=true", AkeylessConnection.Parse("redis://app:pw@cache:6380/3?ssl=true").ToConnectionString());

    // StackExchange.Redis reads an unbracketed "::1:6380" as the IPv6 address ::1:6380 on the default port.
    [Theory]
    [InlineData("redis://[::1]:6380/0", "[::1]:6380,defaultDatabase=0")]
    [InlineData("redis://[fe80::1%25eth0]:6379", "[fe80::1%eth0]:6379")]
    [InlineData("redis://[::1]", "[::1]")]
    public void ToConnectionString_RedisIpv6Host_IsBracketedSoThePortStaysThePort(string uri, string expected) =>
        Assert.Equal(expected, AkeylessConnection.Parse(uri).ToConnectionString());

    [Fact]
    public void ToConnectionString_RedisPasswordWithComma_ThrowsWithoutQuotingIt()
    {
        var c = AkeylessConnection.Parse("redis://:se%2Ccret@cache:6379");

        var ex = Assert.Throws<AkeylessConnectionFormatException>(() => c.ToConnectionString());
        Assert.DoesNotContain("se,cret", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToConnectionString_UnknownType_IsNull() =>
        Assert.Null(AkeylessConnection.Parse("http://host").ToConnectionString());

    [Fact]
    public void ToConnectionString_JsonForm_UsesSameWriter() =>
        Assert.Equal(
            "Host=h;Port=5432;Database=d;Username=u;Password=p",
            AkeylessConnection.Parse("""{"conn_type":"postgres","host":"h","login":"u","password":"p","schema":"d","port":5432}""").ToConnectionString());
}
