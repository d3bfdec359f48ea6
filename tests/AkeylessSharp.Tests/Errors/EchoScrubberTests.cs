using System.Text;
using AkeylessSharp.Errors.Internal;

namespace AkeylessSharp.Tests.Errors;

public sealed class EchoScrubberTests
{
    [Theory]
    [InlineData("""{"access-id":"p-abc123","access-key":"k3y-material"}""", "bad request {access-key: k3y-material}", "bad request {access-key: ***}")]
    [InlineData("""{"token":"t-123456789","value":"s3cret value"}""", "rejected t-123456789 for s3cret value", "rejected *** for ***")]
    [InlineData("""{"args":{"nested":{"password":"deep-secret"}}}""", "echo: deep-secret", "echo: ***")]
    [InlineData("""{"value":"say \"hi\" \u00e9"}""", "echo: say \\\"hi\\\" \\u00e9", "echo: ***")]
    [InlineData("""{"value":"say \"hi\" \u00e9"}""", "echo: say \"hi\" é", "echo: ***")]
    [InlineData("""{"name":"/app/db/password","names":["/app/db/password"]}""", "item /app/db/password not found", "item /app/db/password not found")]
    [InlineData("""{"value":"short"}""", "a long note", "a long note")]
    [InlineData("""{"value":"short"}""", "a short note", EchoScrubber.Withheld)]
    [InlineData("""{"value":"pw","token":"t-123456789"}""", "rejected t-123456789 with pw", EchoScrubber.Withheld)]
    [InlineData("""{"token":"t-123456789", broken""", "saw t-123456789", "saw ***")]
    public void Scrub_ServiceTextQuotingTheRequest_HidesOnlySecretFields(string sent, string text, string expected)
    {
        Assert.Equal(expected, EchoScrubber.Scrub(text, Encoding.UTF8.GetBytes(sent)));
    }

    [Theory]
    [InlineData("creds")]
    [InlineData("admin-password")]
    [InlineData("ldap-password")]
    [InlineData("keytab-data")]
    public void Scrub_ServiceTextQuotingAnAuthCredentialField_HidesIt(string field)
    {
        const string Credential = "{\"creds\":\"c-raw-cli-credential-material\"}";
        var sent = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["access-id"] = "p-abc123", [field] = Credential });

        var scrubbed = EchoScrubber.Scrub($"invalid {field} {Credential} for p-abc123", sent);

        Assert.DoesNotContain("c-raw-cli-credential-material", scrubbed, StringComparison.Ordinal);
        Assert.Contains("p-abc123", scrubbed, StringComparison.Ordinal);
    }

    // static-creds-auth sends the SAML CLI's stored credentials file whole; a service may quote one value of it alone.
    [Theory]
    [InlineData("invalid creds c-raw-cli-credential-material", "invalid creds ***")]
    [InlineData("token t-nested-saml-token-0001 expired", "token *** expired")]
    [InlineData("bad entry: c-inner-array-secret", "bad entry: ***")]
    [InlineData("for p-abc123", "for p-abc123")]
    public void Scrub_ServiceTextQuotingAValueNestedInTheCredentialsJson_HidesIt(string text, string expected)
    {
        const string Credentials = """{"creds":"c-raw-cli-credential-material","token":"t-nested-saml-token-0001","list":["c-inner-array-secret"],"expiry":1}""";
        var sent = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["access-id"] = "p-abc123", ["creds"] = Credentials });

        Assert.Equal(expected, EchoScrubber.Scrub(text, sent));
    }

    [Fact]
    public void Scrub_CredentialsJsonHoldingHalfASurrogatePair_WithholdsTheTextInsteadOfFailing()
    {
        // Parses as JSON, but the string escaping a lone surrogate cannot be read as text, so nothing in it can be scrubbed.
        const string Credentials = """{"token":"t-nested-saml-token-0001","bad":"\ud800"}""";
        var sent = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["creds"] = Credentials });

        Assert.Equal(EchoScrubber.Withheld, EchoScrubber.Scrub("token t-nested-saml-token-0001 expired", sent));
    }

    [Theory]
    [InlineData("producer rejected password=hunter2-arg-value", "producer rejected ***")]
    [InlineData("bad password: hunter2-arg-value", "bad password: ***")]
    [InlineData("unknown region eu for queue", "unknown region eu for queue")]
    public void Scrub_ServiceTextQuotingAProducerArgument_HidesItsValueButNotAShortOne(string text, string expected)
    {
        const string Sent = """{"name":"/dyn/db","args":["region=eu","password=hunter2-arg-value"],"token":"t-123456789"}""";

        Assert.Equal(expected, EchoScrubber.Scrub(text, Encoding.UTF8.GetBytes(Sent)));
    }

    [Fact]
    public void Scrub_NothingSent_ReturnsTheTextAsIs()
    {
        Assert.Equal("anything", EchoScrubber.Scrub("anything", default));
    }
}
