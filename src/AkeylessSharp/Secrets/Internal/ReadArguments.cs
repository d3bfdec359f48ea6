using AkeylessSharp.Internal;

namespace AkeylessSharp.Secrets.Internal;

/// <summary>
/// Checks what a caller passes to a read before anything is cached, batched or sent: cached and batched reads are
/// shared, so a bad argument must fail its own caller, at once, with the field it got wrong, not another caller's
/// read or a failure from deep inside.
/// </summary>
internal static class ReadArguments
{
    // As AkeylessClientOptions.Timeout allows.
    private static readonly TimeSpan s_maxTimeout = TimeSpan.FromDays(1);

    public static void ThrowIfInvalid(SecretRequestOptions? options)
    {
        if (options is null)
        {
            return;
        }

        if (options.Version is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Version,
                $"SecretRequestOptions.Version {options.Version} is not a version number: use 1 or more for that version, or null for the latest. Negative versions (the API's 'last N versions') are not supported.");
        }

        ThrowIfInvalidTimeout(options.Timeout, "SecretRequestOptions.Timeout", nameof(options));
        SentText.ThrowIfNotText(options.JsonAttribute, "SecretRequestOptions.JsonAttribute", nameof(options));
        switch (options)
        {
            case DynamicSecretRequestOptions dynamic:
                ThrowIfInvalid(dynamic.Arguments, "DynamicSecretRequestOptions.Arguments");
                SentText.ThrowIfNotText(dynamic.Target, "DynamicSecretRequestOptions.Target", nameof(options));
                if (dynamic.ProducerTimeout is { } producerTimeout && producerTimeout <= TimeSpan.Zero)
                {
                    throw new ArgumentOutOfRangeException(nameof(options), producerTimeout,
                        $"DynamicSecretRequestOptions.ProducerTimeout {producerTimeout} is not positive: use a positive TimeSpan, or null for the producer's default.");
                }

                break;
            case RotatedSecretRequestOptions rotated:
                ThrowIfInvalid(rotated.Arguments, "RotatedSecretRequestOptions.Arguments");
                SentText.ThrowIfNotText(rotated.Host, "RotatedSecretRequestOptions.Host", nameof(options));
                break;
        }
    }

    /// <summary>A per-call timeout: positive and at most a day, <see cref="Timeout.InfiniteTimeSpan"/>, or <see langword="null"/>.</summary>
    public static void ThrowIfInvalidTimeout(TimeSpan? timeout, string field, string parameter)
    {
        if (timeout is { } t && t != Timeout.InfiniteTimeSpan && (t <= TimeSpan.Zero || t > s_maxTimeout))
        {
            throw new ArgumentOutOfRangeException(parameter, t,
                $"{field} {t} is out of range: use a positive TimeSpan up to {s_maxTimeout}, Timeout.InfiniteTimeSpan for no limit of its own, or null for the client's Timeout.");
        }
    }

    /// <summary>The paths of a bulk read: each must name an item, as a single read's path must.</summary>
    public static void ThrowIfAnyBlank(string[] paths)
    {
        foreach (string? path in paths)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new ArgumentException(
                    $"paths holds {(path is null ? "null" : $"the blank path {Errors.Internal.Quote.Of(path)}")}: every path must name an item, such as /prod/db/password.", nameof(paths));
            }

            SentText.ThrowIfNotText(path, "A path in paths", nameof(paths));
        }
    }

    // Sent as 'key=value' items and hashed into the cache key.
    private static void ThrowIfInvalid(IReadOnlyDictionary<string, string>? arguments, string field)
    {
        if (arguments is null)
        {
            return;
        }

        foreach (var (name, value) in arguments)
        {
            if (string.IsNullOrEmpty(name) || value is null)
            {
                // The value may be sensitive: only its name is quoted.
                throw new ArgumentException(
                    $"{field} holds {(value is null ? $"a null value for {Errors.Internal.Quote.Of(name)}" : "an empty name")}: every argument needs a name and a value (empty for none).", "options");
            }

            SentText.ThrowIfNotText(name, $"An argument name in {field}", "options");
            SentText.ThrowIfNotText(value, $"The value of an argument in {field}", "options");
        }
    }
}
