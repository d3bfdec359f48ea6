using Aspire.Hosting.ApplicationModel;
using AkeylessSharp.Emulator;
using Microsoft.Extensions.Logging;

namespace AkeylessSharp.Aspire.Hosting.Internal;

/// <summary>Marks a resource as running the emulator and holds the settings given through the <c>RunAsEmulator</c> callback.</summary>
internal sealed class EmulatorSettingsAnnotation : IResourceAnnotation
{
    /// <summary>The seed file, as an absolute path.</summary>
    public string? SeedPath { get; set; }

    /// <summary>Seed JSON applied after <see cref="SeedPath"/>.</summary>
    public string? SeedJson { get; set; }

    /// <summary>The SQLite data file, as an absolute path; <see langword="null"/> keeps items in memory.</summary>
    public string? DataPath { get; set; }

    /// <summary>The loopback port; <see langword="null"/> picks a free one at each start.</summary>
    public int? Port { get; set; }

    public AkeylessEmulatorOptions ToOptions(ILogger resourceLogger) => new()
    {
        Urls = $"http://127.0.0.1:{Port ?? 0}",
        SeedPath = SeedPath,
        SeedJson = SeedJson,
        DataPath = DataPath,
        ConfigureLogging = logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(new ForwardingLoggerProvider(resourceLogger));
        },
    };
}
