using System.Text.Json;

namespace AkeylessSharp.Configuration.Internal;

/// <summary>Describes a JSON error by position only: <see cref="JsonException.Message"/> may quote the text, which may be a secret.</summary>
internal static class JsonErrors
{
    public static string Position(JsonException ex) =>
        ex.LineNumber is { } line
            ? $"line {line + 1}, position {(ex.BytePositionInLine ?? 0) + 1}"
            : "at an unknown position";
}
