using System.Net;
using System.Text.Json;

namespace AkeylessSharp.Samples.Tests;

/// <summary>
/// <c>samples/WebApp</c> as its README runs it: without credentials it seeds an embedded emulator, loads its settings
/// through the configuration provider and answers its endpoints without showing a secret value.
/// </summary>
public sealed class WebAppTests
{
    private static readonly string[] DemoSecrets = ["demo%3Bpassword", "demo;password", "demo-smtp-password", "password=demo"];

    [Fact]
    public async Task WebApp_OnTheEmbeddedEmulator_ServesSettingsFlagsAndHealth_WithoutSecretValues()
    {
        await using var run = SampleProcess.Start("WebApp", new Dictionary<string, string> { ["Telemetry__Console"] = "false" }, "--urls", "http://127.0.0.1:0");
        var listening = await run.WaitForLineAsync(line => line.Contains("Now listening on: http://127.0.0.1:", StringComparison.Ordinal), TimeSpan.FromMinutes(1));
        Assert.True(listening is not null, run.ToString());
        using var http = new HttpClient { BaseAddress = new Uri(listening![listening.IndexOf("http://", StringComparison.Ordinal)..].Trim()), Timeout = TimeSpan.FromSeconds(30) };

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
        Assert.Equal("Healthy", await http.GetStringAsync(new Uri("/health/ready", UriKind.Relative)));
        Assert.Equal("New checkout experience", await http.GetStringAsync(new Uri("/checkout", UriKind.Relative)));

        string report = await http.GetStringAsync(new Uri("/", UriKind.Relative));
        using var json = JsonDocument.Parse(report);
        var keys = json.RootElement.GetProperty("fromAkeyless").EnumerateArray().Select(k => k.GetString()).ToArray();
        Assert.Contains("ConnectionStrings:orders", keys);
        Assert.Contains("Smtp:Password", keys);
        Assert.True(json.RootElement.GetProperty("cacheConnectionResolvedFromReference").GetBoolean(), report);
        foreach (var secret in DemoSecrets)
        {
            Assert.DoesNotContain(secret, report, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, run.Output + run.Error, StringComparison.Ordinal);
        }
    }
}
