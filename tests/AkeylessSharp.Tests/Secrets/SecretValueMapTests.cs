using System.Text;
using System.Text.Json;
using AkeylessSharp.Http.Contracts;

namespace AkeylessSharp.Tests.Secrets;

public sealed class SecretValueMapTests
{
    [Fact]
    public void Read_StringValues_AreTheirText()
    {
        var values = Parse("""{"/a":"plain","/b":"with \"quote\" and \u00e9"}""");

        Assert.Equal("plain", values["/a"]);
        Assert.Equal("with \"quote\" and é", values["/b"]);
    }

    [Theory]
    [InlineData("""{"user":"u","password":"p"}""")]
    [InlineData("""[1, "two", {"three": 3}]""")]
    [InlineData("42")]
    [InlineData("true")]
    [InlineData("null")]
    public void Read_NonStringValue_IsItsJsonText(string json)
    {
        var values = Parse("{\"/obj\":" + json + ",\"/next\":\"n\"}");

        Assert.Equal(json, values["/obj"]);
        Assert.Equal("n", values["/next"]);
    }

    [Fact]
    public void Read_FromAStream_MatchesTheBufferedRead()
    {
        var json = """{"/a":"x","/obj":{"k":[1,2]}}""";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var values = JsonSerializer.Deserialize(stream, AkeylessJsonContext.Default.SecretValueMap)!;

        Assert.Equal(Parse(json), values);
    }

    [Theory]
    [InlineData("""["/a"]""")]
    [InlineData("\"text\"")]
    [InlineData("""{"/a":"x" """)]
    public void Read_NotAnObjectOfValues_IsAJsonException(string json) =>
        Assert.ThrowsAny<JsonException>(() => Parse(json));

    [Fact]
    public void Read_NullBody_IsNull() => Assert.Null(JsonSerializer.Deserialize("null", AkeylessJsonContext.Default.SecretValueMap));

    private static SecretValueMap Parse(string json) => JsonSerializer.Deserialize(json, AkeylessJsonContext.Default.SecretValueMap)!;
}
