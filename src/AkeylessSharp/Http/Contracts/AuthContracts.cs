using System.Text.Json.Serialization;

namespace AkeylessSharp.Http.Contracts;

/// <summary>The body of <c>/auth</c>; only the fields of the chosen access type are set.</summary>
internal sealed record AuthRequest
{
    [JsonPropertyName("access-type")] public required string AccessType { get; init; }
    [JsonPropertyName("access-id")] public string? AccessId { get; init; }
    [JsonPropertyName("access-key")] public string? AccessKey { get; init; }
    [JsonPropertyName("uid-token")] public string? UidToken { get; init; }
    [JsonPropertyName("jwt")] public string? Jwt { get; init; }
    [JsonPropertyName("k8s-auth-config-name")] public string? K8sAuthConfigName { get; init; }
    [JsonPropertyName("k8s-service-account-token")] public string? K8sServiceAccountToken { get; init; }
    [JsonPropertyName("gateway-url")] public string? GatewayUrl { get; init; }
    [JsonPropertyName("cert-data")] public string? CertData { get; init; }
    [JsonPropertyName("key-data")] public string? KeyData { get; init; }
    [JsonPropertyName("cloud-id")] public string? CloudId { get; init; }
    [JsonPropertyName("gcp-audience")] public string? GcpAudience { get; init; }
    [JsonPropertyName("json")] public bool Json => false;
}

/// <summary>The answer of <c>/auth</c> and <c>/static-creds-auth</c>.</summary>
internal sealed record AuthResponse
{
    [JsonPropertyName("token")] public string? Token { get; init; }
    [JsonPropertyName("expiration")] public string? Expiration { get; init; }
    [JsonPropertyName("creds")] public AuthCreds? Creds { get; init; }

    /// <summary>Unix seconds at the top level, as clearskies reads a <c>static-creds-auth</c> answer.</summary>
    [JsonPropertyName("expiry")] public long? Expiry { get; init; }
}

/// <summary>The nested <c>creds</c> object; <c>expiry</c> is Unix seconds.</summary>
internal sealed record AuthCreds
{
    [JsonPropertyName("token")] public string? Token { get; init; }
    [JsonPropertyName("expiry")] public long? Expiry { get; init; }
}

/// <summary>The body of <c>/static-creds-auth</c>, exchanging CLI-stored raw credentials for a token.</summary>
internal sealed record StaticCredsAuthRequest
{
    [JsonPropertyName("access-id")] public string? AccessId { get; init; }
    [JsonPropertyName("admin-email")] public string? AdminEmail { get; init; }
    [JsonPropertyName("creds")] public required string Creds { get; init; }
    [JsonPropertyName("json")] public bool Json => false;
}

/// <summary>The body of an error response.</summary>
internal sealed record ErrorResponse
{
    [JsonPropertyName("error")] public string? Error { get; init; }
}
