using AkeylessSharp.Configuration.Internal;
using Microsoft.Extensions.Configuration;

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
    public void Flatten_EmptyContainers_KeepTheirKey_AnEmptyArrayAsAnEmptyString()
    {
        var data = Flatten("""{"Empty":{},"List":[]}""");

        Assert.True(data.ContainsKey("Db:Empty"));
        Assert.Null(data["Db:Empty"]);
        Assert.Equal("", data["Db:List"]);
    }

    [Fact]
    public void Flatten_TopLevelArray_IndexesUnderPrefix() =>
        Assert.Equal("2", Flatten("[1,2]")["Db:1"]);

    [Theory]
    [InlineData("""{"Host":"h","Port":5432,"Ratio":1.50,"Big":1e400,"On":true,"Off":false,"None":null}""")]
    [InlineData("""{"Hosts":["a",null,{"X":null},[],{}],"Empty":{},"List":[],"Deep":{"A":{"B":[1,[2,[3]]]}}}""")]
    [InlineData("""{"Text":"line\nbreak \u00e9 \"quoted\"","Spaced Key":" v ","":"blank"}""")]
    [InlineData("""[null,true,"x",{"K":null}]""")]
    public void Flatten_GivesWhatTheJsonFileProviderGives(string json)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes($$"""{"Db":{{json}}}"""));
        var root = new ConfigurationBuilder().AddJsonStream(stream).Build();
        var expected = root.AsEnumerable()
            .Where(p => p.Key.StartsWith("Db:", StringComparison.Ordinal) && !root.GetSection(p.Key).GetChildren().Any())
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);

        var actual = Flatten(json);

        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), actual.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("plain text")]
    [InlineData("{ not json")]
    [InlineData("42")]
    [InlineData("\"quoted\"")]
    [InlineData("")]
    public void TryParseContainer_NonContainer_ReturnsFalse(string value) =>
        Assert.False(JsonFlattener.TryParseContainer(value, out _));
}
