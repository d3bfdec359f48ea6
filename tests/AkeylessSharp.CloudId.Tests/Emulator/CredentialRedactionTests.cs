using AkeylessSharp.CloudId.Tests.Azure;
using AkeylessSharp.CloudId.Tests.Gcp;
using AkeylessSharp.CloudId.Tests.TestSupport;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AkeylessSharp.CloudId.Tests.Emulator;

/// <summary>
/// Every log line of a whole client call at Trace level, a success and a refused one, and every exception and
/// <c>ToString()</c> on the way: none holds the AWS secret key or session token, the Azure or Google token, or the cloud id.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class CredentialRedactionTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AwsIam_LogsAndErrors_HoldNoKeyTokenOrCloudId(bool trusted)
    {
        const string sessionToken = "aws-session-token-redaction-0001";
        var secret = trusted ? CloudIdEmulator.AwsSecret : "wrong/secret/redaction/000000000000000001";
        var options = new AkeylessAwsCloudIdOptions { AwsCredentials = new SessionAWSCredentials(CloudIdEmulator.AwsKeyId, secret, sessionToken) };
        using var inner = new AwsIamCloudIdProvider(options);

        await AssertNothingLeaksAsync(AkeylessAccessType.AwsIam, CloudIdEmulator.AwsAccessId, inner, trusted, [secret, sessionToken]);
        Assert.DoesNotContain(secret, options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(sessionToken, options.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AzureAd_LogsAndErrors_HoldNoTokenOrCloudId(bool trusted)
    {
        var credential = new FakeTokenCredential(CloudIdEmulator.TenantId, trusted ? CloudIdEmulator.ObjectId : Guid.NewGuid().ToString());
        var inner = new AzureAdCloudIdProvider(new AkeylessAzureCloudIdOptions { AzureCredential = credential });

        await AssertNothingLeaksAsync(AkeylessAccessType.AzureAd, CloudIdEmulator.AzureAccessId, inner, trusted, [() => credential.LastToken!]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Gcp_LogsAndErrors_HoldNoTokenOrCloudId(bool trusted)
    {
        var google = new FakeGoogleTokenEndpoint(trusted ? CloudIdEmulator.ServiceAccount : "someone-else@test-project.iam.gserviceaccount.com");
        var inner = new GcpCloudIdProvider(new AkeylessGcpCloudIdOptions { GoogleCredential = google.Credential() });

        await AssertNothingLeaksAsync(AkeylessAccessType.Gcp, CloudIdEmulator.GcpAccessId, inner, trusted, Array.Empty<string>());
    }

    private static Task AssertNothingLeaksAsync(AkeylessAccessType accessType, string accessId, ICloudIdProvider inner, bool trusted, string[] secrets) =>
        AssertNothingLeaksAsync(accessType, accessId, inner, trusted, [.. secrets.Select(static s => (Func<string>)(() => s))]);

    private static async Task AssertNothingLeaksAsync(AkeylessAccessType accessType, string accessId, ICloudIdProvider inner, bool trusted, Func<string>[] secrets)
    {
        await using var emulator = await CloudIdEmulator.StartAsync();
        var collector = new FakeLogCollector();
        var recording = new RecordingProvider(inner);
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(collector)))
            .AddSingleton<ICloudIdProvider>(recording);
        services.AddAkeyless(o =>
        {
            o.ApiUrl = emulator.BaseUrl.ToString();
            o.AccessType = accessType;
            o.AccessId = accessId;
            o.MaxRetries = 0;
        });
        await using var sp = services.BuildServiceProvider();
        var client = sp.GetRequiredService<IAkeylessClient>();

        var seen = new List<string> { client.ToString()!, recording.Inner.ToString()! };
        if (trusted)
        {
            Assert.Equal(CloudIdEmulator.SecretValue, await client.GetSecretAsync(CloudIdEmulator.SecretPath));
        }
        else
        {
            seen.Add((await Assert.ThrowsAsync<AkeylessUnauthorizedException>(() => client.GetSecretAsync(CloudIdEmulator.SecretPath).AsTask())).ToString());
        }

        seen.AddRange(collector.GetSnapshot().Select(static r => $"{r.Message} {r.Exception} {string.Join(",", r.StructuredState?.Select(static kv => kv.Value) ?? [])}"));
        var cloudId = Assert.IsType<string>(recording.LastCloudId);
        string[] forbidden = [cloudId, TestJwt.DecodeCloudId(cloudId), CloudIdEmulator.SecretValue, .. secrets.Select(static s => s())];
        Assert.NotEmpty(collector.GetSnapshot());
        foreach (var text in seen)
        {
            foreach (var secret in forbidden.Where(static s => s.Length >= 8))
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }
    }

    private sealed class RecordingProvider(ICloudIdProvider inner) : ICloudIdProvider
    {
        public ICloudIdProvider Inner => inner;

        public string? LastCloudId { get; private set; }

        public AkeylessAccessType AccessType => inner.AccessType;

        public async ValueTask<string> GetCloudIdAsync(AkeylessClientOptions options, CancellationToken cancellationToken) =>
            LastCloudId = await inner.GetCloudIdAsync(options, cancellationToken);
    }
}
