namespace AkeylessSharp;

/// <summary>
/// Per-call options of a rotated secret read, passed to <see cref="IAkeylessClient.GetRotatedSecretAsync"/> in place of
/// <see cref="SecretRequestOptions"/>.
/// </summary>
public sealed class RotatedSecretRequestOptions : SecretRequestOptions
{
    /// <summary>
    /// Arguments for the rotator, as clearskies' <c>get_rotated_secret(..., args=...)</c> passes them; sent as <c>args</c>
    /// items of the form <c>key=value</c>, like a dynamic secret's.
    /// </summary>
    public IReadOnlyDictionary<string, string> Arguments { get; init; } = new Dictionary<string, string>();

    /// <summary>The host whose value to read, for a rotated secret of a linked target (the API's <c>host</c>).</summary>
    /// <value>The default is <see langword="null"/> (not sent).</value>
    public string? Host { get; init; }
}
