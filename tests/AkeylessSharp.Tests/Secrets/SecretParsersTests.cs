using System.Text.Json;
using AkeylessSharp.Http.Contracts;
using AkeylessSharp.Secrets.Internal;

namespace AkeylessSharp.Tests.Secrets;

public sealed class SecretParsersTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("""{"username":"\ud800","password":"pw"}""")]
    [InlineData("""{"password":"x\udc00"}""")]
    [InlineData("""{"value":"\ud800{","error":""}""")]
    [InlineData("""{"ttl":"\ud800"}""")]
    public void ParseDynamic_TextWithAnUnpairedSurrogateEscape_IsAProtocolErrorNamingThePath(string json)
    {
        var ex = Assert.Throws<AkeylessProtocolException>(() => SecretParsers.ParseDynamic(Parse(json), "/dyn", Now));

        Assert.Equal("/dyn", ex.Path);
        Assert.Contains("unpaired surrogate", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"username":"u","password":"\ud800"}""")]
    [InlineData("\"\\udc00\"")]
    public void ParseRotated_TextWithAnUnpairedSurrogateEscape_IsAProtocolErrorNamingThePath(string json)
    {
        var ex = Assert.Throws<AkeylessProtocolException>(() => SecretParsers.ParseRotated(new GetRotatedSecretValueResponse { Value = Parse(json) }, "/rot"));

        Assert.Equal("/rot", ex.Path);
    }

    [Fact]
    public void ParseDynamic_DatabaseProducer_MapsUserPasswordAndTtl()
    {
        var fields = Parse("""{"user":"tmp_ab12","password":"pw","ttl_in_minutes":"60","id":"tmp_ab12"}""");

        var secret = SecretParsers.ParseDynamic(fields, "/dyn", Now);

        Assert.Equal("tmp_ab12", secret.Username);
        Assert.Equal("pw", secret.Password);
        Assert.Equal("tmp_ab12", secret.LeaseId);
        Assert.Equal(TimeSpan.FromHours(1), secret.Ttl);
        Assert.Equal(Now.AddHours(1), secret.ExpiresAt);
        Assert.DoesNotContain("pw", secret.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"username":"u","password":"pw","ttl":1e20}""", "ttl")]
    [InlineData("""{"username":"u","password":"pw","ttl_in_minutes":"1e300"}""", "ttl_in_minutes")]
    [InlineData("""{"username":"u","password":"pw","ttl_in_minutes":"NaN"}""", "ttl_in_minutes")]
    [InlineData("""{"username":"u","password":"pw","ttl":"-Infinity"}""", "ttl")]
    [InlineData("""{"username":"u","password":"pw","ttl":-5}""", "ttl")]
    public void ParseDynamic_OutOfRangeTtl_ThrowsProtocolErrorNamingField(string json, string field)
    {
        var ex = Assert.Throws<AkeylessProtocolException>(() => SecretParsers.ParseDynamic(Parse(json), "/dyn", Now));

        Assert.Contains($"'{field}'", ex.Message, StringComparison.Ordinal);
        Assert.Equal("get-dynamic-secret-value", ex.Command);
        Assert.DoesNotContain("pw", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e300")]
    [InlineData("2.5")]
    public void ParseRotated_OutOfRangeVersion_ThrowsProtocolError(string version)
    {
        var response = JsonSerializer.Deserialize("{\"value\":{\"username\":\"u\",\"password\":\"p\",\"version\":" + version + "}}", AkeylessJsonContext.Default.GetRotatedSecretValueResponse)!;

        Assert.Throws<AkeylessProtocolException>(() => SecretParsers.ParseRotated(response));
    }

    [Fact]
    public void ParseDynamic_GatewayWrappedValue_Unwraps()
    {
        var fields = Parse("""{"value":"{\"username\":\"u\",\"password\":\"p\"}","error":""}""");

        var secret = SecretParsers.ParseDynamic(fields, "/dyn", Now);

        Assert.Equal("u", secret.Username);
        Assert.Null(secret.Ttl);
    }

    [Theory]
    [InlineData("""{"id":"lease-1","value":"123456","ttl_in_minutes":"60"}""")]
    [InlineData("""{"id":"lease-1","value":"true","ttl_in_minutes":"60"}""")]
    [InlineData("""{"id":"lease-1","value":"\"quoted\"","ttl_in_minutes":"60"}""")]
    public void ParseDynamic_ValueFieldHoldingJsonScalar_IsAFieldNotAGatewayWrapper(string json)
    {
        var secret = SecretParsers.ParseDynamic(Parse(json), "/dyn", Now);

        Assert.Equal(JsonValueKind.Object, secret.Fields.ValueKind);
        Assert.Equal("lease-1", secret.LeaseId);
        Assert.Equal(TimeSpan.FromHours(1), secret.Ttl);
    }

    [Fact]
    public void ParseDynamic_GatewayWrappedError_Throws()
    {
        var fields = Parse("""{"value":"","error":"producer down"}""");

        var ex = Assert.Throws<AkeylessException>(() => SecretParsers.ParseDynamic(fields, "/dyn", Now));

        Assert.Contains("producer down", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"username":"svc","password":"pw"}""", "svc", "pw", null)]
    [InlineData("""{"payload":"api-key"}""", null, null, "api-key")]
    [InlineData("""{"target_value":{"a":1}}""", null, null, """{"a":1}""")]
    public void ParseRotated_RotatorShapes_MapFields(string value, string? user, string? password, string? payload)
    {
        var secret = SecretParsers.ParseRotated(new GetRotatedSecretValueResponse { Value = Parse(value) });

        Assert.Equal(user, secret.Username);
        Assert.Equal(password, secret.Password);
        Assert.Equal(payload, secret.Value);
    }

    private static JsonElement Parse(string json) => JsonSerializer.Deserialize(json, AkeylessJsonContext.Default.JsonElement);
}
