namespace AkeylessSharp.Caching.Internal;

/// <summary>A fetched value with how long it may be cached and, after that, how long it may still be served on errors.</summary>
/// <param name="Value">The secret value.</param>
/// <param name="Ttl">How long it may be cached; <see cref="TimeSpan.Zero"/> means not at all.</param>
/// <param name="StaleFor">How long past <paramref name="Ttl"/> it may be served when Akeyless fails.</param>
internal readonly record struct CacheableValue(string Value, TimeSpan Ttl, TimeSpan StaleFor)
{
    /// <summary>Redacts the value.</summary>
    public override string ToString() => $"CacheableValue {{ Value = ***, Ttl = {Ttl}, StaleFor = {StaleFor} }}";
}
