using System.Text.Json;
using AkeylessSharp.Caching.Internal;

namespace AkeylessSharp.Caching.Tests.Caching;

/// <summary>A cached dynamic secret decodes to what was fetched: a hit must not differ from the miss before it.</summary>
public sealed class SecretValueCodecTests
{
    [Fact]
    public void DynamicWhoseFieldsHoldAJsonTextValue_RoundTripsUnchanged()
    {
        // What a Gateway-wrapped answer leaves once unwrapped: the producer's own "value" field holds JSON text.
        using var document = JsonDocument.Parse("""{"value":"{\"inner\":1}","username":"u","password":"p","ttl":60}""");
        var now = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var fetched = new DynamicSecret
        {
            Username = "u",
            Password = "p",
            Ttl = TimeSpan.FromSeconds(60),
            ExpiresAt = now.AddSeconds(60),
            Fields = document.RootElement.Clone(),
        };

        Assert.True(SecretValueCodec.TryDecodeDynamic(SecretValueCodec.EncodeDynamic(fetched), "/dyn", now.AddSeconds(10), out var hit));

        Assert.Equal("u", hit.Username);
        Assert.Equal("p", hit.Password);
        Assert.Equal(fetched.ExpiresAt, hit.ExpiresAt);
        Assert.Equal("""{"inner":1}""", hit.Fields.GetProperty("value").GetString());
    }
}
