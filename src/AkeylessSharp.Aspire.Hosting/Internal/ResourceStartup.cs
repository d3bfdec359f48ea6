using System.Data.Common;
using Aspire.Hosting.ApplicationModel;
using AkeylessSharp.Emulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AkeylessSharp.Aspire.Hosting.Internal;

/// <summary>
/// Brings an <see cref="AkeylessResource"/> to the running state when the app host initializes it: starts the emulator
/// in process, or resolves the parameters of a real account; the health check then decides when it is ready.
/// </summary>
internal static class ResourceStartup
{
    public static async Task InitializeAsync(AkeylessResource resource, InitializeResourceEvent @event, CancellationToken cancellationToken)
    {
        var runtime = @event.Services.GetRequiredService<AkeylessRuntime>();
        runtime.Track(resource);
        await @event.Eventing.PublishAsync(new BeforeResourceStartedEvent(resource, @event.Services), cancellationToken).ConfigureAwait(false);
        await @event.Notifications.PublishUpdateAsync(resource, s => s with { State = KnownResourceStates.Starting }).ConfigureAwait(false);
        try
        {
            var url = resource.TryGetLastAnnotation<EmulatorSettingsAnnotation>(out var settings)
                ? await StartEmulatorAsync(resource, settings, runtime, @event.Logger, cancellationToken).ConfigureAwait(false)
                : await ResolveAccountAsync(resource, cancellationToken).ConfigureAwait(false);
            await @event.Notifications.PublishUpdateAsync(resource, s => s with
            {
                State = KnownResourceStates.Running,
                StartTimeStamp = DateTime.UtcNow,
                Urls = [new UrlSnapshot("http", url, IsInternal: false)],
            }).ConfigureAwait(false);
            await @event.Eventing.PublishAsync(new ConnectionStringAvailableEvent(resource, @event.Services), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.StartFailed(@event.Logger, resource.Name, ex);
            resource.EmulatorConnection.Fail(ex);
            await @event.Notifications.PublishUpdateAsync(resource, s => s with { State = KnownResourceStates.FailedToStart }).ConfigureAwait(false);
        }
    }

    private static async Task<string> StartEmulatorAsync(AkeylessResource resource, EmulatorSettingsAnnotation settings, AkeylessRuntime runtime, ILogger logger, CancellationToken cancellationToken)
    {
        if (Path.GetDirectoryName(settings.DataPath) is { Length: > 0 } dataDirectory)
        {
            Directory.CreateDirectory(dataDirectory);
        }

        var emulator = await AkeylessEmulator.StartAsync(settings.ToOptions(logger), cancellationToken).ConfigureAwait(false);
        await runtime.AddAsync(resource, emulator).ConfigureAwait(false);
        resource.EmulatorConnection.Set(ConnectionStringOf(emulator));
        Log.EmulatorStarted(logger, resource.Name, emulator.BaseUrl, emulator.AccessId);
        return emulator.BaseUrl.ToString();
    }

    private static async Task<string> ResolveAccountAsync(AkeylessResource resource, CancellationToken cancellationToken) =>
        await resource.ApiUrlParameter!.GetValueAsync(cancellationToken).ConfigureAwait(false) ?? string.Empty;

    internal static string ConnectionStringOf(AkeylessEmulator emulator) => new DbConnectionStringBuilder
    {
        ["ApiUrl"] = emulator.BaseUrl.ToString(),
        ["AccessId"] = emulator.AccessId,
        ["AccessType"] = "api_key",
        ["AccessKey"] = emulator.AccessKey,
    }.ConnectionString;
}
