namespace AkeylessSharp;

/// <summary>Per-call options of a dynamic secret read.</summary>
public sealed class DynamicSecretRequestOptions : SecretRequestOptions
{
    /// <summary>Producer arguments, sent as <c>key=value</c> items; every one needs a name and a non-null value.</summary>
    public IReadOnlyDictionary<string, string> Arguments { get; init; } = new Dictionary<string, string>();

    /// <summary>The target, for producers with several.</summary>
    public string? Target { get; init; }

    /// <summary>How long the producer may take: positive, or <see langword="null"/> for the producer's default.</summary>
    public TimeSpan? ProducerTimeout { get; init; }
}
