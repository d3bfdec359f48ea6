using System.Text.Json;
using System.Text.RegularExpressions;

namespace AkeylessSharp.Emulator.Seed;

/// <summary>
/// Says a seed's JSON mistake in the seed's own terms: System.Text.Json reports a wrong type as "could not be converted
/// to System.Collections.Generic.List`1[AkeylessSharp.Emulator.Seed.ItemSeed]", which names the emulator's internals,
/// not what the file should hold. Positions count from 1, as editors show them.
/// </summary>
internal static partial class SeedJsonErrors
{
    public static string Describe(JsonException exception) => exception switch
    {
        { Path: { } path } when WrongType().Match(exception.Message) is { Success: true } match =>
            $"{path} should be {Expected(match.Groups["type"].Value)}{Position(exception)}",
        { Path: { } path } when NullValue().IsMatch(exception.Message) => $"{path} is null; remove the entry or give it a value{Position(exception)}",
        { LineNumber: null } => exception.Message,
        _ => WithoutReaderPosition(exception.Message) + Position(exception),
    };

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

    // The reader's own "Path: $.x | LineNumber: 0 | BytePositionInLine: 1." counts from 0; Position says it as an editor
    // shows it, and the path stays.
    private static string WithoutReaderPosition(string message) =>
        ReaderPosition().Replace(message, static m => m.Groups["path"].Success ? " Path: " + m.Groups["path"].Value : string.Empty).TrimEnd('.');

    [GeneratedRegex(@"\s*(Path: (?<path>\S*) \| )?LineNumber: \d+ \| BytePositionInLine: \d+\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex ReaderPosition();

    // "... on type 'AkeylessSharp.Emulator.Seed.ItemSeed' doesn't allow setting null values. Consider updating its nullability annotation."
    [GeneratedRegex(@"^The property or field '[^']*' on type '[^']*' doesn't allow setting null values", RegexOptions.CultureInvariant)]
    private static partial Regex NullValue();

    [GeneratedRegex(@"^The JSON value could not be converted to (?<type>\S+)\.", RegexOptions.CultureInvariant)]
    private static partial Regex WrongType();
}
