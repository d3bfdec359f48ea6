using System.Net;
using AkeylessSharp.Emulator.Commands;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace AkeylessSharp.Emulator.Hosting;

/// <summary>
/// Guards a loopback-only emulator against DNS rebinding: a web page whose own domain an attacker points at 127.0.0.1
/// reaches the port, but its requests carry that domain in <c>Host</c>. Only loopback names and the names the user
/// allowed are answered; every other one gets a 400 before any command or admin endpoint runs. An emulator listening
/// beyond loopback answers every name, as its admin token protects it.
/// </summary>
internal static class LoopbackHostFilter
{
    public static void Use(WebApplication app, AkeylessEmulatorOptions options)
    {
        var allowed = Validate(options.AllowedHosts, options.OptionNames);
        if (!ListenAddresses.AllLoopback(options.Urls ?? EmulatorHost.DefaultUrls))
        {
            return;
        }

        app.Use((http, next) => IsAllowed(http.Request.Host, allowed)
            ? next(http)
            : Reply.Error(StatusCodes.Status400BadRequest,
                $"Host '{Shown(http.Request.Host)}' is not a loopback name: the emulator listens on loopback only and answers localhost, *.localhost, 127.x.x.x and [::1], "
                + $"which keeps web pages from reaching it by DNS rebinding; allow another name with {options.OptionNames.AllowedHosts}").ExecuteAsync(http));
    }

    public static bool IsAllowed(HostString host, IList<StringSegment> allowed)
    {
        // HTTP/1.0 may omit Host; a browser never does.
        if (!host.HasValue)
        {
            return true;
        }

        var name = host.Host.TrimEnd('.');
        return string.Equals(name, "localhost", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(name.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip))
            || HostString.MatchesAny(host.Host, allowed);
    }

    private static List<StringSegment> Validate(IList<string> hosts, OptionNames names)
    {
        foreach (var host in hosts)
        {
            if (string.IsNullOrWhiteSpace(host) || host.Contains('/', StringComparison.Ordinal) || host.Contains(':', StringComparison.Ordinal)
                || host.Any(char.IsWhiteSpace))
            {
                throw new InvalidOperationException(
                    $"'{host}' is not a host name to allow: give a bare name such as emulator.test or *.example.test, without scheme or port ({names.AllowedHosts}).");
            }
        }

        return hosts.Select(static h => new StringSegment(h)).ToList();
    }

    private static string Shown(HostString host) => host.Value is { Length: > 100 } value ? value[..100] + "..." : host.Value ?? string.Empty;
}
