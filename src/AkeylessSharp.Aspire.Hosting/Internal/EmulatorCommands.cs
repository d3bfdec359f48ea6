using System.Globalization;
using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using AkeylessSharp.Emulator;
using Microsoft.Extensions.DependencyInjection;

namespace AkeylessSharp.Aspire.Hosting.Internal;

/// <summary>The emulator's fault and counter admin API as dashboard commands on the resource.</summary>
internal static class EmulatorCommands
{
    /// <summary>How many <c>get-secret-value</c> requests the "inject 503" command fails.</summary>
    public const int InjectedFailures = 3;

    public static void Add(IResourceBuilder<AkeylessResource> builder)
    {
        Add(builder, "akeyless-inject-503", "Inject 503 on get-secret-value", $"Fails the next {InjectedFailures} get-secret-value requests with 503 Service Unavailable.", "Warning",
            e => e.Faults.FailNext("get-secret-value", InjectedFailures, 503),
            $"The next {InjectedFailures} get-secret-value requests fail with 503.");
        Add(builder, "akeyless-clear-faults", "Clear faults", "Removes every injected fault.", "ArrowReset",
            e => e.Faults.Clear(), "Faults cleared.");
        Add(builder, "akeyless-show-counters", "Show counters", "Shows how many requests each command received.", "NumberSymbol",
            _ => { }, null);
        Add(builder, "akeyless-reset-counters", "Reset counters", "Sets every request counter back to zero.", "ArrowCounterclockwise",
            e => e.Counters.Reset(), "Counters reset.");
    }

    /// <summary>Describes the counters in one line per command, for the "show counters" result.</summary>
    public static string Describe(IReadOnlyDictionary<string, long> counters)
    {
        if (counters.Count == 0)
        {
            return "No requests yet.";
        }

        var text = new StringBuilder();
        foreach (var (command, count) in counters)
        {
            text.Append(CultureInfo.InvariantCulture, $"{command}: {count}").Append('\n');
        }

        return text.ToString().TrimEnd('\n');
    }

    private static void Add(IResourceBuilder<AkeylessResource> builder, string name, string displayName, string description, string icon, Action<AkeylessEmulator> action, string? message)
    {
        var resource = builder.Resource;
        builder.WithCommand(name, displayName, context =>
        {
            var emulator = context.Services.GetRequiredService<AkeylessRuntime>().Find(resource);
            if (emulator is null)
            {
                return Task.FromResult(CommandResults.Failure("The emulator is not running."));
            }

            action(emulator);
            var result = message ?? Describe(emulator.Counters.Snapshot());
            return Task.FromResult(CommandResults.Success(result));
        }, new CommandOptions
        {
            Description = description,
            IconName = icon,
            UpdateState = context => context.ResourceSnapshot.State?.Text == KnownResourceStates.Running ? ResourceCommandState.Enabled : ResourceCommandState.Disabled,
        });
    }
}
