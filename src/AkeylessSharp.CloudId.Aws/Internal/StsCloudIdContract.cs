using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AkeylessSharp.CloudId.Aws.Internal;

/// <summary>
/// The JSON object the <c>aws_iam</c> cloud id encodes: the signed STS request, each part base64 of its text
/// (the headers as base64 of a Go <c>http.Header</c> style map of name to values), as the official helpers send it.
/// </summary>
internal sealed record StsCloudIdContract(
    [property: JsonPropertyName("sts_request_method")] string Method,
    [property: JsonPropertyName("sts_request_url")] string Url,
    [property: JsonPropertyName("sts_request_body")] string Body,
    [property: JsonPropertyName("sts_request_headers")] string Headers);

/// <summary>The serializer context of the cloud-id contracts.</summary>
[JsonSerializable(typeof(StsCloudIdContract))]
[JsonSerializable(typeof(SortedDictionary<string, string[]>))]
internal sealed partial class StsCloudIdJsonContext : JsonSerializerContext
{
    /// <summary>
    /// Writes <c>+</c>, <c>/</c> and <c>=</c> of base64 and signatures literally, as Go and JavaScript do; the
    /// default encoder's <c>\u002B</c> is valid JSON but differs from the official helpers' bytes. The output is
    /// never embedded in HTML.
    /// </summary>
    public static StsCloudIdJsonContext Relaxed { get; } = new(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
