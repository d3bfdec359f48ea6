using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace AkeylessSharp.AotSmoke;

/// <summary>The memory, hybrid and Redis caches through dependency injection; the Redis one when a server is given.</summary>
internal static class CacheChecks
{
    private const string Path = "/aot/cache/password";

    public static async Task RunAsync(string apiUrl, string? redis)
    {
        string value = Guid.NewGuid().ToString("N");
        using (var writer = new AkeylessClient(Check.Options(apiUrl)))
        {
            await writer.UpsertSecretAsync(Path, value);
        }

        string key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await ReadTwiceAsync(apiUrl, value, "memory", inProcess: true, b => b.AddMemoryCache());
        await ReadTwiceAsync(apiUrl, value, "hybrid", inProcess: true, b => b.AddHybridCache(o => o.EncryptionKey = key), s => s.AddHybridCache());
        if (redis is null)
        {
            Console.WriteLine("skipped cache: redis (AKEYLESS_REDIS not set)");
            return;
        }

        string prefix = $"aotsmoke-{Guid.NewGuid():N}:";
        await ReadTwiceAsync(apiUrl, value, "redis", inProcess: false, b => b.AddRedisCache(redis, o => { o.EncryptionKey = key; o.KeyPrefix = prefix; }));
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis);
        var keys = new List<RedisKey>();
        await foreach (var entry in connection.GetServers()[0].KeysAsync(pattern: prefix + "*"))
        {
            keys.Add(entry);
        }

        bool plaintext = false;
        foreach (var entry in keys)
        {
            foreach (var field in await connection.GetDatabase().HashGetAllAsync(entry))
            {
                plaintext |= field.Value.ToString().Contains(value, StringComparison.Ordinal);
            }
        }

        Check.That(keys.Count > 0 && !plaintext, "cache: redis holds the entry, encrypted");
    }

    private static async Task ReadTwiceAsync(string apiUrl, string value, string name, bool inProcess, Action<IAkeylessBuilder> cache, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        services?.Invoke(collection);
        cache(collection.AddAkeyless(o => { o.ApiUrl = apiUrl; o.AccessId = Check.AccessId; o.AccessKey = Check.AccessKey; }));
        await using var provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var client = provider.GetRequiredService<IAkeylessClient>();
        var first = await client.GetSecretAsync(Path);
        var second = client.GetSecretAsync(Path);
        bool synchronous = second.IsCompletedSuccessfully;
        Check.That(first == value && await second == value && (synchronous || !inProcess), $"cache: {name}, read twice{(inProcess ? ", the second a synchronous hit" : "")}");
    }
}
