using AkeylessSharp.Caching.StackExchangeRedis;
using AkeylessSharp.Caching.Tests.Infrastructure;
using AkeylessSharp.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace AkeylessSharp.Caching.Tests.PublicApi;

/// <summary>
/// Every public constructor and method of AkeylessSharp.Caching.StackExchangeRedis answers a null for a non-nullable
/// parameter with an <see cref="ArgumentNullException"/> naming it, and a blank string with nothing worse than a typed
/// error, against a real redis-server.
/// </summary>
[Collection("redis")]
public sealed class ArgumentGuardTests(RedisFixture redis, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly Dictionary<string, string> s_skipped = new(StringComparer.Ordinal);

    private readonly string _prefix = $"guard-tests-{Guid.NewGuid():N}:";
    private ConnectionMultiplexer _connection = null!;

    public async Task InitializeAsync() => _connection = await ConnectionMultiplexer.ConnectAsync(redis.Server.Configuration());

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    [Fact]
    public async Task EveryPublicMember_NullOrBlankArgument_FailsTyped()
    {
        var report = await new ArgumentGuard(ValueFor).RunAsync(typeof(RedisSecretFetchLock).Assembly);

        output.WriteLine(report.Summary());
        report.AssertClean(s_skipped);
        Assert.True(report.Covered.Count >= 7, $"only {report.Covered.Count} members covered");
    }

    private object? ValueFor(Type type, string? name) => type switch
    {
        _ when type == typeof(string) && name == "connectionString" => redis.Server.Configuration().ToString(),
        _ when type == typeof(string) && name == "keyPrefix" => _prefix,
        _ when type == typeof(string) => "/app/db/password",
        _ when type == typeof(IConnectionMultiplexer) => _connection,
        _ when type == typeof(Func<Task<IConnectionMultiplexer>>) => () => Task.FromResult<IConnectionMultiplexer>(_connection),
        _ when type == typeof(RedisSecretFetchLock) => new RedisSecretFetchLock(_connection, _prefix),
        _ when type == typeof(IAkeylessBuilder) => new ServiceCollection().AddAkeyless(o => o.ApiUrl = "http://127.0.0.1:9"),
        _ => null,
    };
}
