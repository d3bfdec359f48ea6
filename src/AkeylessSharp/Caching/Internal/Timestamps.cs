namespace AkeylessSharp.Caching.Internal;

/// <summary><see cref="TimeProvider"/> timestamp arithmetic that saturates instead of overflowing (a TTL may be huge).</summary>
internal static class Timestamps
{
    /// <summary>The longest a cache keeps an entry: a century, so an expiry instant stays a date (none exists past year 9999).</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(36525);

    /// <summary><paramref name="duration"/>, at most <see cref="MaxLifetime"/>.</summary>
    public static TimeSpan CapLifetime(TimeSpan duration) => duration < MaxLifetime ? duration : MaxLifetime;

    public static long Add(TimeProvider timeProvider, long timestamp, TimeSpan duration)
    {
        double delta = duration.Ticks * (timeProvider.TimestampFrequency / (double)TimeSpan.TicksPerSecond);
        return delta >= long.MaxValue - timestamp ? long.MaxValue : timestamp + (long)delta;
    }

    public static long After(TimeProvider timeProvider, TimeSpan duration) => Add(timeProvider, timeProvider.GetTimestamp(), duration);
}
