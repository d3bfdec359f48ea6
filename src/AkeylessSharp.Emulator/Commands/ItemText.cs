using AkeylessSharp.Emulator.Wire;

namespace AkeylessSharp.Emulator.Commands;

/// <summary>
/// The free-text fields stored on an item, each bounded: without a bound only the request body limit stood in the way
/// of a megabyte description echoed by every list-items page. The service documents no limits; these are far above
/// any real use.
/// </summary>
internal static class ItemText
{
    public const int MaxDescriptionLength = 10_000;
    public const int MaxTags = 1_000;
    public const int MaxTagLength = 1_024;
    public const int MaxFieldLength = 1_024;

    /// <summary><c>description</c>, or its older name <c>metadata</c>.</summary>
    public static string? Description(RequestBody body)
    {
        var field = body.Has("description") ? "description" : "metadata";
        return body.String(field) is { } text ? Bounded(text, field, MaxDescriptionLength) : null;
    }

    public static string[] Tags(RequestBody body)
    {
        var tags = body.StringArray("tags") ?? [];
        if (tags.Count > MaxTags)
        {
            throw Errors.BadRequest($"invalid value for parameter tags: {tags.Count} tags, more than the {MaxTags} an item may have");
        }

        return tags.Select(t => Bounded(t, "tags", MaxTagLength)).ToArray();
    }

    public static string Bounded(string text, string field, int max = MaxFieldLength) =>
        text.Length <= max
            ? text
            : throw Errors.BadRequest($"invalid value for parameter {field}: {text.Length} characters, longer than the {max} allowed");
}
