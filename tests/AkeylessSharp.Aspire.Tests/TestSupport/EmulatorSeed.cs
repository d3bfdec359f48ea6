using System.Text.Json;
using AkeylessSharp.Emulator;
using Microsoft.Extensions.Logging;

namespace AkeylessSharp.Aspire.Tests.TestSupport;

/// <summary>Seed JSON of static secrets, and an in-process emulator started with it.</summary>
internal static class EmulatorSeed
{
    public static string Json(params (string Path, string Value)[] secrets) => JsonSerializer.Serialize(new
    {
        items = secrets.Select(s => new { name = s.Path, type = "static", value = s.Value }).ToArray(),
    });

    public static Task<AkeylessEmulator> StartAsync(params (string Path, string Value)[] secrets) =>
        AkeylessEmulator.StartAsync(new AkeylessEmulatorOptions { SeedJson = Json(secrets), ConfigureLogging = l => l.ClearProviders() });

    /// <summary>The connection string an app host hands a service for this emulator.</summary>
    public static string ConnectionString(AkeylessEmulator emulator) =>
        $"ApiUrl={emulator.BaseUrl};AccessId={emulator.AccessId};AccessType=api_key;AccessKey={emulator.AccessKey}";
}
