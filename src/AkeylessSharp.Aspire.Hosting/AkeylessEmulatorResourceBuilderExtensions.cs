using Aspire.Hosting.ApplicationModel;
using AkeylessSharp.Aspire.Hosting;
using AkeylessSharp.Aspire.Hosting.Internal;

namespace Aspire.Hosting;

/// <summary>
/// Settings of an Akeyless emulator, used inside <c>RunAsEmulator</c>:
/// <c>.RunAsEmulator(e =&gt; e.WithSeed("seed.json").WithDataFile("akeyless.db").WithHttpPort(8321))</c>.
/// </summary>
public static class AkeylessEmulatorResourceBuilderExtensions
{
    /// <summary>Seeds the emulator from a JSON file (auth methods, roles, items) at each start.</summary>
    /// <param name="builder">The emulator.</param>
    /// <param name="path">The file; a relative path is relative to the app host project directory.</param>
    /// <returns>The emulator builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static IResourceBuilder<AkeylessEmulatorResource> WithSeed(this IResourceBuilder<AkeylessEmulatorResource> builder, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Settings(builder).SeedPath = Path.GetFullPath(path, builder.ApplicationBuilder.AppHostDirectory);
        return builder;
    }

    /// <summary>Seeds the emulator from JSON text, applied after any seed file; convenient in tests.</summary>
    /// <param name="builder">The emulator.</param>
    /// <param name="json">The seed JSON.</param>
    /// <returns>The emulator builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="json"/> is empty.</exception>
    public static IResourceBuilder<AkeylessEmulatorResource> WithSeedJson(this IResourceBuilder<AkeylessEmulatorResource> builder, string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        Settings(builder).SeedJson = json;
        return builder;
    }

    /// <summary>Keeps the emulator's items in a SQLite file, so secrets created while running survive a restart.</summary>
    /// <param name="builder">The emulator.</param>
    /// <param name="path">The file; a relative path is relative to the app host project directory.</param>
    /// <returns>The emulator builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static IResourceBuilder<AkeylessEmulatorResource> WithDataFile(this IResourceBuilder<AkeylessEmulatorResource> builder, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Settings(builder).DataPath = Path.GetFullPath(path, builder.ApplicationBuilder.AppHostDirectory);
        return builder;
    }

    /// <summary>Fixes the emulator's loopback port (otherwise a free port is picked at each start).</summary>
    /// <param name="builder">The emulator.</param>
    /// <param name="port">The port on 127.0.0.1; <see langword="null"/> picks a free one.</param>
    /// <returns>The emulator builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="port"/> is not between 1 and 65535.</exception>
    public static IResourceBuilder<AkeylessEmulatorResource> WithHttpPort(this IResourceBuilder<AkeylessEmulatorResource> builder, int? port)
    {
        if (port is { } value)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(port));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 65535, nameof(port));
        }

        Settings(builder).Port = port;
        return builder;
    }

    private static EmulatorSettingsAnnotation Settings(IResourceBuilder<AkeylessEmulatorResource> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Resource.InnerResource.TryGetLastAnnotation<EmulatorSettingsAnnotation>(out var settings)
            ? settings
            : throw new InvalidOperationException($"The Akeyless resource '{builder.Resource.Name}' does not run as an emulator; call these methods inside RunAsEmulator(e => ...).");
    }
}
