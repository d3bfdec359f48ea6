using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AkeylessSharp.Http.Contracts;

/// <summary>Source-generated metadata for commands sent through <see cref="AkeylessClient.InvokeAsync"/>: free-form JSON both ways.</summary>
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonNode))]
internal sealed partial class RawCommandJsonContext : JsonSerializerContext;
