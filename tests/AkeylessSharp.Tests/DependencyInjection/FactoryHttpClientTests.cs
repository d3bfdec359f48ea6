using Microsoft.Extensions.DependencyInjection.Internal;
using Microsoft.Extensions.Time.Testing;

namespace AkeylessSharp.Tests.DependencyInjection;

/// <summary>The DI client's HttpClient: one per handler lifetime, not one per request.</summary>
public sealed class FactoryHttpClientTests
{
    [Fact]
    public void Get_WithinHandlerLifetime_SameClient()
    {
        var factory = new CountingFactory();
        var time = new FakeTimeProvider();
        var http = new FactoryHttpClient(factory, "AkeylessSharp", TimeSpan.FromMinutes(2), time);

        var first = http.Get();
        time.Advance(TimeSpan.FromSeconds(119));

        Assert.Same(first, http.Get());
        Assert.Equal(["AkeylessSharp"], factory.Names);
    }

    [Fact]
    public void Get_AfterHandlerLifetime_NewClientFromTheFactory()
    {
        var factory = new CountingFactory();
        var time = new FakeTimeProvider();
        var http = new FactoryHttpClient(factory, "AkeylessSharp.admin", TimeSpan.FromMinutes(2), time);

        var first = http.Get();
        time.Advance(TimeSpan.FromMinutes(2));
        var second = http.Get();

        Assert.NotSame(first, second);
        Assert.Same(second, http.Get());
        Assert.Equal(["AkeylessSharp.admin", "AkeylessSharp.admin"], factory.Names);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void Get_InfiniteOrHugeLifetime_NeverRenews(int minutes)
    {
        var factory = new CountingFactory();
        var time = new FakeTimeProvider();
        var lifetime = minutes < 0 ? Timeout.InfiniteTimeSpan : TimeSpan.MaxValue;
        var http = new FactoryHttpClient(factory, "AkeylessSharp", lifetime, time);

        var first = http.Get();
        time.Advance(TimeSpan.FromDays(3650));

        Assert.Same(first, http.Get());
        Assert.Single(factory.Names);
    }

    private sealed class CountingFactory : IHttpClientFactory
    {
        public List<string> Names { get; } = [];

        public HttpClient CreateClient(string name)
        {
            Names.Add(name);
            return new HttpClient();
        }
    }
}
