using System.Text.Json;
using System.Text.Json.Serialization;

namespace AkeylessSharp.Http.Contracts;

/// <summary>The body of <c>get-secret-value</c>; the answer is a map from name to value.</summary>
internal sealed record GetSecretValueRequest : TokenRequest
{
    [JsonPropertyName("names")] public required IReadOnlyList<string> Names { get; init; }
    [JsonPropertyName("version")] public int? Version { get; init; }
    [JsonPropertyName("ignore-cache")] public string? IgnoreCache { get; init; }
}

/// <summary>The body of <c>get-dynamic-secret-value</c>; the answer is the producer's free-form object.</summary>
internal sealed record GetDynamicSecretValueRequest : TokenRequest
{
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("args")] public IReadOnlyList<string>? Args { get; init; }
    [JsonPropertyName("target")] public string? Target { get; init; }
    [JsonPropertyName("timeout")] public long? Timeout { get; init; }
}

/// <summary>The body of <c>get-rotated-secret-value</c>: <c>names</c> is one string despite its name.</summary>
internal sealed record GetRotatedSecretValueRequest : TokenRequest
{
    [JsonPropertyName("names")] public required string Names { get; init; }
    [JsonPropertyName("version")] public int? Version { get; init; }
    [JsonPropertyName("ignore-cache")] public string? IgnoreCache { get; init; }
    [JsonPropertyName("host")] public string? Host { get; init; }
    [JsonPropertyName("args")] public IReadOnlyList<string>? Args { get; init; }
}

/// <summary>The answer of <c>get-rotated-secret-value</c>.</summary>
internal sealed record GetRotatedSecretValueResponse
{
    [JsonPropertyName("value")] public JsonElement Value { get; init; }
    [JsonPropertyName("version")] public int? Version { get; init; }
}

/// <summary>The body of <c>create-secret</c>; note the service's default of <c>type:"generic"</c>.</summary>
internal sealed record CreateSecretRequest : TokenRequest
{
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("value")] public required string Value { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("tags")] public IReadOnlyList<string>? Tags { get; init; }
    [JsonPropertyName("format")] public string? Format { get; init; }
    [JsonPropertyName("type")] public string Type => "generic";
}

/// <summary>The body of <c>update-secret-val</c>.</summary>
internal sealed record UpdateSecretValueRequest : TokenRequest
{
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("value")] public required string Value { get; init; }
    [JsonPropertyName("keep-prev-version")] public string? KeepPreviousVersion { get; init; }
}

/// <summary>The body of <c>get-ssh-certificate</c>.</summary>
internal sealed record GetSshCertificateRequest : TokenRequest
{
    [JsonPropertyName("cert-issuer-name")] public required string CertIssuerName { get; init; }
    [JsonPropertyName("cert-username")] public required string CertUsername { get; init; }
    [JsonPropertyName("public-key-data")] public required string PublicKeyData { get; init; }
    [JsonPropertyName("ttl")] public long? Ttl { get; init; }
}

/// <summary>The answer of <c>get-ssh-certificate</c>: the OpenSSH certificate text.</summary>
internal sealed record GetSshCertificateResponse
{
    [JsonPropertyName("data")] public string? Data { get; init; }
}

/// <summary>The answer of writes that echo the item name.</summary>
internal sealed record NameResponse
{
    [JsonPropertyName("name")] public string? Name { get; init; }
}
