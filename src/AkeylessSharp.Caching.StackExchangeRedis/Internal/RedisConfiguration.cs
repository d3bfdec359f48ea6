using System.Text.RegularExpressions;
using StackExchange.Redis;

namespace AkeylessSharp.Caching.StackExchangeRedis.Internal;

/// <summary>
/// Reads a StackExchange.Redis configuration string up front, so a typo fails the registration with a configuration
/// error instead of degrading every cache read to memory with a warning per break.
/// </summary>
internal static partial class RedisConfiguration
{
    public static ConfigurationOptions Parse(string configuration)
    {
        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(configuration);
        }
        catch (ArgumentException ex)
        {
            // StackExchange.Redis may quote the offending value; only the option's name is repeated here.
            var option = KeywordPattern().Match(ex.Message) is { Success: true } match ? $"the option '{match.Groups[1].Value}'" : "an option";
            throw new AkeylessConfigurationException(
                $"The Redis configuration string of the secret cache is not valid: {option} is unknown or has a value of the wrong type. Use StackExchange.Redis's form, such as 'redis:6379,password=...,ssl=true'.",
                nameof(Microsoft.Extensions.Caching.StackExchangeRedis.RedisCacheOptions.Configuration));
        }

        if (options.EndPoints.Count == 0)
        {
            throw new AkeylessConfigurationException(
                "The Redis configuration string of the secret cache names no server. Start it with 'host:port', such as 'redis:6379,password=...'.",
                nameof(Microsoft.Extensions.Caching.StackExchangeRedis.RedisCacheOptions.Configuration));
        }

        return options;
    }

    [GeneratedRegex("^Keyword '([A-Za-z0-9_-]{1,64})'", RegexOptions.CultureInvariant)]
    private static partial Regex KeywordPattern();
}
