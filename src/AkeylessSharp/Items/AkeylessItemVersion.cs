namespace AkeylessSharp;

/// <summary>One version of an item.</summary>
/// <param name="Version">The version number.</param>
/// <param name="State">The version state as the service reports it (for example <c>Active</c>).</param>
/// <param name="CreatedOn">When the version was created.</param>
public sealed record AkeylessItemVersion(int Version, string? State, DateTimeOffset? CreatedOn);
