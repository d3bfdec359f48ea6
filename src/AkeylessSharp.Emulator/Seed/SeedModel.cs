using System.Text.Json;

namespace AkeylessSharp.Emulator.Seed;

/// <summary>The seed file: auth methods, roles, items and pre-issued universal identity tokens.</summary>
internal sealed class SeedDocument
{
    public List<AuthMethodSeed> AuthMethods { get; set; } = [];
    public List<RoleSeed> Roles { get; set; } = [];
    public List<ItemSeed> Items { get; set; } = [];
    public List<UidTokenSeed> UidTokens { get; set; } = [];
}

/// <summary>An auth method and the trust data its access type needs. Also the runtime model of auth methods.</summary>
internal sealed class AuthMethodSeed
{
    public string Name { get; set; } = "";
    public string? AccessId { get; set; }
    public string Type { get; set; } = "access_key";
    public string? AccessKey { get; set; }
    public int? TokenTtlSeconds { get; set; }
    public JwtSeed? Jwt { get; set; }
    public K8sSeed? K8s { get; set; }
    public CertSeed? Cert { get; set; }
    public AwsIamSeed? AwsIam { get; set; }
    public AzureAdSeed? AzureAd { get; set; }
    public GcpSeed? Gcp { get; set; }
    public UniversalIdentitySeed? UniversalIdentity { get; set; }

    public override string ToString() => $"{Name} ({Type}, {AccessId})";
}

internal sealed class JwtSeed
{
    public string? Issuer { get; set; }
    public string? Audience { get; set; }
    public List<string> PublicKeys { get; set; } = [];
    public JsonElement? Jwks { get; set; }
    public Dictionary<string, string> BoundClaims { get; set; } = [];
}

internal sealed class K8sSeed
{
    public List<K8sConfigSeed> Configs { get; set; } = [];
}

internal sealed class K8sConfigSeed
{
    public string Name { get; set; } = "";
    public List<string> Tokens { get; set; } = [];
    public string? PublicKeyPem { get; set; }
    public string? Issuer { get; set; }
}

internal sealed class CertSeed
{
    public string CaCertificatePem { get; set; } = "";
}

internal sealed class AwsIamSeed
{
    public List<AwsCredentialSeed> Credentials { get; set; } = [];
    public List<string> BoundArns { get; set; } = [];
    public List<string> BoundAccountIds { get; set; } = [];
}

internal sealed class AwsCredentialSeed
{
    public string AccessKeyId { get; set; } = "";
    public string SecretAccessKey { get; set; } = "";
    public string Arn { get; set; } = "";

    public override string ToString() => $"{AccessKeyId} -> {Arn}";
}

internal sealed class AzureAdSeed
{
    public List<string> TenantIds { get; set; } = [];
    public List<string> ObjectIds { get; set; } = [];
}

internal sealed class GcpSeed
{
    public List<string> ServiceAccounts { get; set; } = [];
    public string Audience { get; set; } = "akeyless.io";
}

internal sealed class UniversalIdentitySeed
{
    public int? TtlSeconds { get; set; }
}

internal sealed class RoleSeed
{
    public string Name { get; set; } = "";
    public List<string> AuthMethods { get; set; } = [];
    public List<RuleSeed> Rules { get; set; } = [];
}

internal sealed class RuleSeed
{
    public string Path { get; set; } = "/*";
    public List<string> Capabilities { get; set; } = [];

    /// <summary>item (default), am (auth methods), role or target.</summary>
    public string Type { get; set; } = "item";
}

internal sealed class ItemSeed
{
    public string Name { get; set; } = "";
    public string Type { get; set; } = "static";
    public string? Value { get; set; }
    public List<string>? Versions { get; set; }
    public string Format { get; set; } = "text";
    public string? Description { get; set; }
    public List<string> Tags { get; set; } = [];
    public DynamicSeed? Dynamic { get; set; }
    public RotatedSeed? Rotated { get; set; }
    public SshIssuerSeed? SshIssuer { get; set; }
}

internal sealed class DynamicSeed
{
    public string UsernamePrefix { get; set; } = "tmp_";
    public int TtlSeconds { get; set; } = 3600;
}

internal sealed class RotatedSeed
{
    public string Username { get; set; } = "";
    public string Password { get; set; } = "";
    public long? RotationIntervalSeconds { get; set; }
    public string RotatorType { get; set; } = "password";
}

internal sealed class SshIssuerSeed
{
    public string CaPrivateKeyPem { get; set; } = "";
    public List<string> AllowedUsers { get; set; } = [];
    public int TtlSeconds { get; set; } = 3600;
}

internal sealed class UidTokenSeed
{
    public string Token { get; set; } = "";
    public string AuthMethod { get; set; } = "";
}
