using System.Text.Json.Serialization;

namespace AkeylessSharp.Http.Contracts;

/// <summary>
/// The Akeyless CLI's stored credentials (<c>~/.akeyless/.tmp_creds/&lt;profile&gt;-&lt;access id&gt;</c>): a token with its
/// Unix-seconds expiry, or raw credentials to exchange through <c>static-creds-auth</c>.
/// </summary>
internal sealed record SamlCredentialsFile
{
    [JsonPropertyName("token")] public string? Token { get; init; }
    [JsonPropertyName("expiry")] public long? Expiry { get; init; }
    [JsonPropertyName("creds")] public string? Creds { get; init; }
    [JsonPropertyName("admin_email")] public string? AdminEmail { get; init; }
}
