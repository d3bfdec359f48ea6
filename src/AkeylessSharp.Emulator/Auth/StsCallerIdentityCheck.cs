using System.Text;
using AkeylessSharp.Emulator.Wire;
using Microsoft.AspNetCore.WebUtilities;

namespace AkeylessSharp.Emulator.Auth;

/// <summary>
/// A signed STS request proves who signed it only if it is <c>GetCallerIdentity</c> (version <c>2011-06-15</c>) for an
/// STS host: any other signed AWS call a client once made must not be accepted as a login.
/// </summary>
internal static class StsCallerIdentityCheck
{
    private const string Action = "GetCallerIdentity";
    private const string Version = "2011-06-15";

    public static void Require(StsRequest sts)
    {
        var host = sts.Url.IdnHost;
        if (!IsStsHost(host) || (sts.HasHeader("host") && !string.Equals(sts.Header("host"), sts.Url.Authority, StringComparison.OrdinalIgnoreCase)))
        {
            throw Errors.AuthFailed($"the signed request is sent to '{Shorten(host)}', not to an sts.*.amazonaws.com host");
        }

        var form = QueryHelpers.ParseQuery(sts.Url.Query);
        foreach (var pair in QueryHelpers.ParseQuery(Encoding.UTF8.GetString(sts.Body)))
        {
            form[pair.Key] = pair.Value;
        }

        var action = form.TryGetValue("Action", out var a) ? a.ToString() : "";
        if (!string.Equals(action, Action, StringComparison.Ordinal))
        {
            throw Errors.AuthFailed($"the signed request is the STS action '{Shorten(action)}', expected {Action}");
        }

        var version = form.TryGetValue("Version", out var v) ? v.ToString() : "";
        if (!string.Equals(version, Version, StringComparison.Ordinal))
        {
            throw Errors.AuthFailed($"the signed request is STS API version '{Shorten(version)}', expected {Version}");
        }
    }

    // sts.amazonaws.com, sts.<region>.amazonaws.com, and the China partition's amazonaws.com.cn.
    private static bool IsStsHost(string host)
    {
        var labels = host.ToLowerInvariant().Split('.');
        var suffix = labels.Length > 1 && labels[^1] == "cn" ? 3 : 2;
        return labels.Length >= suffix + 1 && labels.Length <= suffix + 2 && labels[0] == "sts"
            && string.Join('.', labels[^suffix..]) == (suffix == 3 ? "amazonaws.com.cn" : "amazonaws.com")
            && labels.Skip(1).SkipLast(suffix).All(l => l.Length > 0);
    }

    private static string Shorten(string value) => value.Length > 60 ? value[..60] + "..." : value;
}
