using System.Text.Json;
using AkeylessSharp.Cli.Output;

namespace AkeylessSharp.Cli.Tests.Output;

public sealed class JsonFieldSelectorTests
{
    [Theory]
    [InlineData("""{"user":"u","note":"\ud800"}""", "note")]
    [InlineData("""{"a":{"b":"x\udc00"}}""", "a.b")]
    public void Select_AFieldThatIsNotValidUnicode_IsAnAttributeErrorNamingIt(string json, string attribute)
    {
        using var document = JsonDocument.Parse(json);

        var ex = Assert.Throws<AkeylessJsonAttributeException>(() => JsonFieldSelector.Select(document.RootElement, attribute, "/dyn"));

        Assert.Equal(attribute, ex.Attribute);
        Assert.Contains("unpaired surrogate", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_AStringField_PrintsItRaw()
    {
        using var document = JsonDocument.Parse("""{"a":{"b":"p\u00e4ss"}}""");

        Assert.Equal("päss", JsonFieldSelector.Select(document.RootElement, "a.b", "/dyn"));
    }
}
