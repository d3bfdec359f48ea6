using AkeylessSharp.Configuration.Internal;

namespace AkeylessSharp.Configuration.Tests.Internal;

public class AirflowValueTests
{
    [Theory]
    [InlineData("""{"value":"smtp.example.com"}""", "smtp.example.com")]
    [InlineData("""{"value":42}""", "42")]
    [InlineData("""{"value":true}""", "True")]
    [InlineData("""{"value":{"a":1}}""", """{"a":1}""")]
    [InlineData("""{"other":"x"}""", """{"other":"x"}""")]
    [InlineData("plain", "plain")]
    [InlineData("{broken", "{broken")]
    [InlineData("[1,2]", "[1,2]")]
    public void Unwrap_Value_FollowsAirflowBackend(string raw, string expected) =>
        Assert.Equal(expected, AirflowValue.Unwrap(raw));

    [Fact]
    public void Unwrap_NullValueField_IsNull() =>
        Assert.Null(AirflowValue.Unwrap("""{"value":null}"""));
}
