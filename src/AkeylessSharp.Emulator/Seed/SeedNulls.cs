using System.Text.Json;

namespace AkeylessSharp.Emulator.Seed;

/// <summary>
/// Finds a <c>null</c> inside a list of a seed document. The serializer's nullable checks cover properties, not list
/// elements or map values, and a null item, role, rule or key would otherwise fail only later, as a crash.
/// </summary>
internal static class SeedNulls
{
    /// <summary>Returns the JSON path of the first list element or map value that is <c>null</c>, or <see langword="null"/>.</summary>
    public static string? Find(JsonElement element, string path = "$")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    var at = $"{path}[{i++}]";
                    if (item.ValueKind == JsonValueKind.Null)
                    {
                        return at;
                    }

                    if (Find(item, at) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Object:
                var isMap = path.EndsWith(".boundClaims", StringComparison.OrdinalIgnoreCase);
                foreach (var property in element.EnumerateObject())
                {
                    var at = $"{path}.{property.Name}";
                    if (isMap && property.Value.ValueKind == JsonValueKind.Null)
                    {
                        return at;
                    }

                    if (Find(property.Value, at) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
