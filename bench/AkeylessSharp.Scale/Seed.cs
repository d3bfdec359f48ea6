using System.Globalization;
using System.Text.Json;

namespace AkeylessSharp.Scale;

/// <summary>The secrets the emulator starts with: the cache set (100-byte values) and the configuration set (1 KB values).</summary>
internal static class Seed
{
    public const string CacheFolder = "/scale/cache";
    public const string ConfigFolder = "/scale/config";
    public const int CacheValueLength = 100;
    public const int ConfigValueLength = 1024;

    /// <summary>The path of cache entry <paramref name="i"/>, a new string each call (as a caller building paths would).</summary>
    public static string CachePath(int i) => string.Create(CultureInfo.InvariantCulture, $"{CacheFolder}/e{i:D6}");

    public static string CacheValue(int i) => string.Create(CultureInfo.InvariantCulture, $"{i:D6}").PadRight(CacheValueLength, 'v');

    public static string ConfigPath(int i) => string.Create(CultureInfo.InvariantCulture, $"{ConfigFolder}/s{i:D5}");

    public static string ConfigValue(int i) => string.Create(CultureInfo.InvariantCulture, $"{i:D5}").PadRight(ConfigValueLength, 'c');

    public static async Task WriteAsync(Stream stream, int cacheEntries, int configSecrets)
    {
        await using var json = new Utf8JsonWriter(stream);
        json.WriteStartObject();
        json.WriteStartArray("items");
        for (int i = 0; i < cacheEntries; i++)
        {
            WriteItem(json, CachePath(i), CacheValue(i));
            if (json.BytesPending > 64 * 1024)
            {
                await json.FlushAsync();
            }
        }

        for (int i = 0; i < configSecrets; i++)
        {
            WriteItem(json, ConfigPath(i), ConfigValue(i));
            if (json.BytesPending > 64 * 1024)
            {
                await json.FlushAsync();
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync();
    }

    private static void WriteItem(Utf8JsonWriter json, string name, string value)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("type", "static");
        json.WriteString("value", value);
        json.WriteEndObject();
    }
}
