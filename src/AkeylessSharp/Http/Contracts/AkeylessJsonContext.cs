using System.Text.Json;
using System.Text.Json.Serialization;

namespace AkeylessSharp.Http.Contracts;

/// <summary>The one source-generated serializer context of every wire contract; null fields are not sent.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(AuthRequest))]
[JsonSerializable(typeof(AuthResponse))]
[JsonSerializable(typeof(StaticCredsAuthRequest))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(GetSecretValueRequest))]
[JsonSerializable(typeof(SecretValueMap))]
[JsonSerializable(typeof(GetDynamicSecretValueRequest))]
[JsonSerializable(typeof(GetRotatedSecretValueRequest))]
[JsonSerializable(typeof(GetRotatedSecretValueResponse))]
[JsonSerializable(typeof(CreateSecretRequest))]
[JsonSerializable(typeof(UpdateSecretValueRequest))]
[JsonSerializable(typeof(GetSshCertificateRequest))]
[JsonSerializable(typeof(GetSshCertificateResponse))]
[JsonSerializable(typeof(NameResponse))]
[JsonSerializable(typeof(DescribeItemRequest))]
[JsonSerializable(typeof(DeleteItemRequest))]
[JsonSerializable(typeof(ListItemsRequest))]
[JsonSerializable(typeof(ListItemsResponse))]
[JsonSerializable(typeof(DescribePermissionsRequest))]
[JsonSerializable(typeof(DescribePermissionsResponse))]
[JsonSerializable(typeof(ItemContract))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(SamlCredentialsFile))]
internal sealed partial class AkeylessJsonContext : JsonSerializerContext;
