using AkeylessSharp.Secrets.Internal;

namespace AkeylessSharp.Tests.Secrets;

public sealed class JsonAttributeSelectorTests
{
    private const string Json = """{"db":{"password":"p@ss","port":5432,"hosts":["a","b"]},"flag":true}""";

    [Theory]
    [InlineData("db.password", "p@ss")]
    [InlineData("db.port", "5432")]
    [InlineData("db.hosts.1", "b")]
    [InlineData("flag", "true")]
    [InlineData("db.hosts", """["a","b"]""")]
    public void Select_ExistingAttribute_ReturnsText(string attribute, string expected) =>
        Assert.Equal(expected, JsonAttributeSelector.Select(Json, attribute, "/p"));

    [Theory]
    [InlineData("payload.api_key", "k-1")]
    [InlineData("payload.nested.x", "2")]
    [InlineData("payload.list.1", "b")]
    [InlineData("payload", """{"api_key":"k-1","nested":{"x":2},"list":["a","b"]}""")]
    public void Select_AttributeInsideAJsonEncodedString_StepsIntoItLikeClearskies(string attribute, string expected) =>
        Assert.Equal(expected, JsonAttributeSelector.Select(
            """{"payload":"{\"api_key\":\"k-1\",\"nested\":{\"x\":2},\"list\":[\"a\",\"b\"]}","broken":"{not json"}""", attribute, "/p"));

    [Theory]
    [InlineData("""{"a":"x\ud800y"}""", "a")]
    [InlineData("""{"a":"\udc00{"}""", "a.b")]
    public void Select_TextWithAnUnpairedSurrogateEscape_IsAnAttributeErrorWithoutTheValue(string json, string attribute)
    {
        var ex = Assert.Throws<AkeylessJsonAttributeException>(() => JsonAttributeSelector.Select(json, attribute, "/p"));

        Assert.Contains("unpaired surrogate", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ud800", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_IntoAStringThatIsNotJson_ThrowsMissingWithoutValue()
    {
        var ex = Assert.Throws<AkeylessJsonAttributeException>(() => JsonAttributeSelector.Select("""{"broken":"{not json, s3cret"}""", "broken.x", "/p"));

        Assert.Contains("missing 'x' under 'broken'", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("db.user", "missing 'user' under 'db'")]
    [InlineData("nope", "missing 'nope' at the top level")]
    [InlineData("db.hosts.5", "missing '5'")]
    [InlineData("db.password.x", "missing 'x'")]
    public void Select_MissingAttribute_ThrowsNamingItWithoutValue(string attribute, string expected)
    {
        var ex = Assert.Throws<AkeylessJsonAttributeException>(() => JsonAttributeSelector.Select(Json, attribute, "/p"));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("p@ss", ex.Message, StringComparison.Ordinal);
        Assert.Equal(attribute, ex.Attribute);
        Assert.Equal("/p", ex.Path);
    }

    [Fact]
    public void Select_NotJson_ThrowsWithoutValue()
    {
        var ex = Assert.Throws<AkeylessJsonAttributeException>(() => JsonAttributeSelector.Select("plain-secret-text", "a", "/p"));

        Assert.Contains("is not JSON", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("plain-secret-text", ex.Message, StringComparison.Ordinal);
    }
}
