using System.Text.Json;
using System.Text.Json.Nodes;
using AkeylessSharp.Http.Contracts;
using AkeylessSharp.Http.Internal;

namespace AkeylessSharp.Tests.Http;

public sealed class PooledJsonTests
{
    [Theory]
    [InlineData("/plain/path")]
    [InlineData("/é/<script>&\"quoted\"/日本")]
    public void Rent_WritesWhatTheSerializerWould(string path)
    {
        var request = new GetSecretValueRequest { Names = [path, "/second"], Version = 3, Token = "t-123" };

        var rented = PooledJson.Rent(request, AkeylessJsonContext.Default.GetSecretValueRequest, out var length);
        try
        {
            Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(request, AkeylessJsonContext.Default.GetSecretValueRequest), rented.AsSpan(0, length).ToArray());
        }
        finally
        {
            PooledJson.Return(rented);
        }
    }

    [Fact]
    public void Rent_OneBodyAfterAnother_DoesNotCarryTheFirstOver()
    {
        var big = new JsonObject { ["value"] = new string('x', 100_000) };
        var small = new JsonObject { ["name"] = "/a" };

        var first = PooledJson.Rent(big, RawCommandJsonContext.Default.JsonObject, out var firstLength);
        PooledJson.Return(first);
        var second = PooledJson.Rent(small, RawCommandJsonContext.Default.JsonObject, out var secondLength);
        try
        {
            Assert.True(firstLength > 100_000);
            Assert.Equal("""{"name":"/a"}""", System.Text.Encoding.UTF8.GetString(second, 0, secondLength));
        }
        finally
        {
            PooledJson.Return(second);
        }
    }
}
