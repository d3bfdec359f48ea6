namespace Microsoft.Extensions.DependencyInjection.Internal;

/// <summary>
/// The named <see cref="HttpClient"/> one <c>AkeylessClient</c> sends through, taken from <see cref="IHttpClientFactory"/>
/// again once per handler lifetime rather than per request: the factory's handler rotation still reaches the client
/// (within one more lifetime), and a request allocates no <see cref="HttpClient"/> and cancellation source of its own.
/// </summary>
internal sealed class FactoryHttpClient(IHttpClientFactory factory, string name, TimeSpan handlerLifetime, TimeProvider timeProvider)
{
    private HttpClient? _client;
    private long _renewAt;

    public HttpClient Get()
    {
        var client = Volatile.Read(ref _client);
        if (client is not null && timeProvider.GetTimestamp() < Volatile.Read(ref _renewAt))
        {
            return client;
        }

        // Two callers may both renew; either client is valid.
        client = factory.CreateClient(name);
        Volatile.Write(ref _renewAt, RenewAt(timeProvider.GetTimestamp()));
        Volatile.Write(ref _client, client);
        return client;
    }

    private long RenewAt(long now)
    {
        if (handlerLifetime == Timeout.InfiniteTimeSpan)
        {
            return long.MaxValue;
        }

        double ticks = handlerLifetime.TotalSeconds * timeProvider.TimestampFrequency;
        return ticks >= long.MaxValue - now ? long.MaxValue : now + (long)ticks;
    }
}
