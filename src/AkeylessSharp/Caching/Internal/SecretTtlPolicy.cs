namespace AkeylessSharp.Caching.Internal;

/// <summary>Turns a fetched value into a <see cref="CacheableValue"/> by secret type, from the options.</summary>
internal sealed class SecretTtlPolicy(AkeylessCacheOptions options, TimeProvider timeProvider)
{
    private TimeSpan MaxStale => options.StaleIfError ? options.MaxStale : TimeSpan.Zero;

    /// <summary>Whether values of <paramref name="kind"/> may be cached at all (a zero time to live turns a type off).</summary>
    public bool Caches(SecretKind kind) => kind switch
    {
        SecretKind.Static => options.StaticSecretTtl > TimeSpan.Zero,
        SecretKind.Rotated => options.RotatedSecretTtl > TimeSpan.Zero,
        _ => true,
    };

    /// <summary>A static secret: the configured time to live.</summary>
    public CacheableValue Static(string value) => new(value, options.StaticSecretTtl, MaxStale);

    /// <summary>
    /// A rotated secret: the configured time to live, ending no later than the next scheduled rotation. Go's zero time
    /// (<c>0001-01-01T00:00:00Z</c>, what an unset date serializes to) schedules nothing, so the configured time to live applies.
    /// </summary>
    public CacheableValue Rotated(string value, DateTimeOffset? nextRotation = null)
    {
        var ttl = options.RotatedSecretTtl;
        if (nextRotation is { UtcTicks: > 0 } next)
        {
            ttl = Clamp(next - timeProvider.GetUtcNow(), ttl);
        }

        return new(value, ttl, MaxStale);
    }

    /// <summary>
    /// A dynamic secret: cached until its lease ends minus the refresh buffer; served stale at most until the lease
    /// itself ends, since expired credentials are useless. Without a known lease it is not cached.
    /// </summary>
    public CacheableValue Dynamic(string value, DateTimeOffset? expiresAt)
    {
        if (expiresAt is not { } end)
        {
            return new(value, TimeSpan.Zero, TimeSpan.Zero);
        }

        var life = end - timeProvider.GetUtcNow();
        var ttl = Clamp(life - options.DynamicSecretRefreshBuffer, TimeSpan.MaxValue);
        var staleFor = Clamp(life - ttl, MaxStale);
        return new(value, ttl, staleFor);
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan max) =>
        value <= TimeSpan.Zero ? TimeSpan.Zero : value > max ? max : value;
}
