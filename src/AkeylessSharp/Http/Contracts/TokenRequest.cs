using System.Text.Json.Serialization;

namespace AkeylessSharp.Http.Contracts;

/// <summary>The fields every authorized command carries: the API token in the body, and the CLI's <c>json</c> flag.</summary>
internal abstract record TokenRequest
{
    [JsonPropertyName("token")]
    public string? Token { get; set; }

    [JsonPropertyName("json")]
    public bool Json => false;
}
