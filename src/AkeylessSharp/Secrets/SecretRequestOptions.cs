namespace AkeylessSharp;

/// <summary>Per-call options of a secret read.</summary>
public class SecretRequestOptions
{
    /// <summary>A specific version, 1 or more; <see langword="null"/> (or 0) reads the latest. A negative version is refused.</summary>
    public int? Version { get; init; }

    /// <summary>Bypass and overwrite the client's cache (the reference's <c>refresh=True</c>).</summary>
    public bool Refresh { get; init; }

    /// <summary>Ask a Gateway to bypass its own cache (the API's <c>ignore-cache</c>).</summary>
    public bool IgnoreGatewayCache { get; init; }

    /// <summary>
    /// A dot path into a JSON value (<c>db.password</c>, <c>hosts.0</c>); the result is that attribute. Applied by the
    /// reads that return text (<c>GetSecretAsync</c>, <c>GetSecretsAsync</c>, <c>GetAsync</c>); <c>GetDynamicSecretAsync</c>
    /// and <c>GetRotatedSecretAsync</c> return every field (<c>Fields</c>) and do not apply it.
    /// </summary>
    public string? JsonAttribute { get; init; }

    /// <summary>
    /// A timeout for this call: positive and at most a day, or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for
    /// no limit of its own; <see langword="null"/> uses the client's.
    /// </summary>
    public TimeSpan? Timeout { get; init; }
}
