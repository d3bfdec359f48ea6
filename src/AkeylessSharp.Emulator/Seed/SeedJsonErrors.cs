using System.Text.Json;
using System.Text.RegularExpressions;

namespace AkeylessSharp.Emulator.Seed;

/// <summary>
/// Says a seed's JSON mistake in the seed's own terms: System.Text.Json reports a wrong type as "could not be converted
/// to System.Collections.Generic.List`1[AkeylessSharp.Emulator.Seed.ItemSeed]", which names the emulator's internals,
/// not what the file should hold.
/// </summary>
internal static partial class SeedJsonErrors
{
    public static string Describe(JsonException exception) =>
        exception.Path is { } path && WrongType().Match(exception.Message) is { Success: true } match
            ? $"{path} should be {Expected(match.Groups["type"].Value)}{Position(exception)}"
            : exception.Message;

    private static string Expected(string type) => type switch
    {
        _ when type.StartsWith("System.Collections.Generic.List", StringComparison.Ordinal) || type.EndsWith("[]", StringComparison.Ordinal) => "an array",
        _ when type.StartsWith("System.Collections.Generic.Dictionary", StringComparison.Ordinal) => "an object",
        "System.String" => "a string",
        "System.Boolean" => "true or false",
        "System.Int32" or "System.Int64" or "System.Double" or "System.Decimal" => "a number",
        _ when type.StartsWith("System.Nullable`1[System.Int", StringComparison.Ordinal) => "a number",
        _ when type.StartsWith("AkeylessSharp.", StringComparison.Ordinal) => "an object",
        _ => "another type of value",
    };

    private static string Position(JsonException exception) =>
        exception.LineNumber is { } line ? $" (line {line + 1}, byte {exception.BytePositionInLine + 1})" : string.Empty;

    [GeneratedRegex(@"^The JSON value could not be converted to (?<type>\S+)\.", RegexOptions.CultureInvariant)]
    private static partial Regex WrongType();
}
