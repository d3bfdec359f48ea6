using System.Diagnostics;
using System.Text.RegularExpressions;
using AkeylessSharp.Diagnostics;
using AkeylessSharp.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AkeylessSharp.Tests.Diagnostics;

public sealed partial class RedactionTests : IAsyncLifetime
{
    private EmulatorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Operations_SuccessAndFailure_NeverExposeSecretsInLogsExceptionsTagsOrToString()
    {
        var collector = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(collector)));
        var tags = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == AkeylessTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (tags) { tags.AddRange(a.Tags.Select(t => $"{t.Key}={t.Value}")); } },
        };
        ActivitySource.AddActivityListener(listener);
        using var client = _harness.Client(loggerFactory: loggerFactory);
        var texts = new List<string> { client.Options.ToString() };

        texts.Add((await client.GetAsync(EmulatorHarness.StaticPath)).ToString());
        texts.Add((await client.GetDynamicSecretAsync(EmulatorHarness.DynamicPath)).ToString());
        texts.Add((await client.GetRotatedSecretAsync(EmulatorHarness.RotatedPath)).ToString());
        await client.CreateSecretAsync("/red/new", "created-secret-value");
        texts.Add(await Message(() => client.GetSecretAsync(EmulatorHarness.StaticPath, new SecretRequestOptions { JsonAttribute = "x" }).AsTask()));
        texts.Add(await Message(() => client.GetSecretAsync(EmulatorHarness.JsonPath, new SecretRequestOptions { JsonAttribute = "db.user" }).AsTask()));
        texts.Add(await Message(() => client.CreateSecretAsync(EmulatorHarness.StaticPath, "created-secret-value")));
        texts.Add(await Message(() => client.GetSecretAsync("/missing").AsTask()));
        using var bad = _harness.Client(o => o.AccessKey = "wrong-access-key", loggerFactory);
        texts.Add(await Message(() => bad.GetSecretAsync(EmulatorHarness.StaticPath).AsTask()));
        texts.Add((await bad.TestConnectionAsync()).Message);

        texts.AddRange(collector.GetSnapshot().Select(r => r.Message + " " + r.Exception));
        string[] tagSnapshot;
        lock (tags)
        {
            // The listener also sees spans of tests running in parallel; copy under the lock.
            tagSnapshot = [.. tags];
        }

        texts.AddRange(tagSnapshot);
        Assert.NotEmpty(collector.GetSnapshot());
        Assert.Contains(tagSnapshot, t => t == "akeyless.path=" + EmulatorHarness.StaticPath);
        foreach (var text in texts)
        {
            foreach (var secret in new[] { EmulatorHarness.StaticValue, "json-pw", "R0tated!", "created-secret-value", _harness.Emulator.AccessKey, "wrong-access-key" })
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }

            Assert.DoesNotMatch(TokenPattern(), text);
        }
    }

    private static async Task<string> Message(Func<Task> action) => (await Assert.ThrowsAnyAsync<AkeylessException>(action)).ToString();

    [GeneratedRegex(@"\bt-[A-Za-z0-9]{12,}")]
    private static partial Regex TokenPattern();
}
