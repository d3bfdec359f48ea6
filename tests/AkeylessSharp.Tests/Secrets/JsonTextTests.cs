using System.Text.Json;
using AkeylessSharp.Secrets.Internal;

namespace AkeylessSharp.Tests.Secrets;

public sealed class JsonTextTests
{
    [Fact]
    public void Read_AStringEscapingHalfASurrogatePair_ThrowsTheCallersError()
    {
        using var document = JsonDocument.Parse("""{"a":"\ud800"}""");

        var error = Assert.Throws<AkeylessProtocolException>(() =>
            JsonText.Read(() => document.RootElement.GetProperty("a").GetString(), () => new AkeylessProtocolException("not text", null, "test")));

        Assert.Equal("not text", error.Message);
    }

    [Fact]
    public void Read_ValidText_ReturnsIt_AndOtherFailuresPassThrough()
    {
        using var document = JsonDocument.Parse("""{"a":"\ud83d\udd11"}""");

        Assert.Equal("\U0001F511", JsonText.Read(() => document.RootElement.GetProperty("a").GetString(), () => new AkeylessProtocolException("not text", null, "test")));
        Assert.Throws<KeyNotFoundException>(() => JsonText.Read(() => document.RootElement.GetProperty("b").GetString(), () => new AkeylessProtocolException("not text", null, "test")));
    }
}
