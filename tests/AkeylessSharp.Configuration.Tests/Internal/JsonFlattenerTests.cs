using AkeylessSharp.Configuration.Internal;

namespace AkeylessSharp.Configuration.Tests.Internal;

public class JsonFlattenerTests
{
    private static Dictionary<string, string?> Flatten(string json, string? prefix = "Db")
    {
        Assert.True(JsonFlattener.TryParseContainer(json, out var doc));
        using (doc)
        {
            var result = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            JsonFlattener.Flatten(doc!.RootElement, prefix, (k, v) => result[k] = v);
            return result;
        }
    }

    [Fact]
    public void Flatten_NestedObjectsAndArrays_UseColonsAndIndexes()
    {
        var data = Flatten("""{"Host":"h","Hosts":["a","b"],"Pool":{"Max":10,"Enabled":true},"Nothing":null}""");

        Assert.Equal("h", data["Db:Host"]);
        Assert.Equal("a", data["Db:Hosts:0"]);
        Assert.Equal("b", data["Db:Hosts:1"]);
        Assert.Equal("10", data["Db:Pool:Max"]);
        Assert.Equal("True", data["Db:Pool:Enabled"]);
        Assert.Null(data["Db:Nothing"]);
    }

    [Fact]
    public void Flatten_EmptyContainers_BecomeNullAtTheirKey()
    {
        var data = Flatten("""{"Empty":{},"List":[]}""");

        Assert.True(data.ContainsKey("Db:Empty"));
        Assert.Null(data["Db:List"]);
    }

    [Fact]
    public void Flatten_TopLevelArray_IndexesUnderPrefix() =>
        Assert.Equal("2", Flatten("[1,2]")["Db:1"]);

    [Theory]
    [InlineData("plain text")]
    [InlineData("{ not json")]
    [InlineData("42")]
    [InlineData("\"quoted\"")]
    [InlineData("")]
    public void TryParseContainer_NonContainer_ReturnsFalse(string value) =>
        Assert.False(JsonFlattener.TryParseContainer(value, out _));
}
