using System.Net;
using AkeylessSharp.CloudId.Tests.TestSupport;
using Amazon.Runtime;
using Microsoft.Extensions.Time.Testing;

namespace AkeylessSharp.CloudId.Tests.Emulator;

/// <summary>Environment credentials → aws_iam cloud id → emulator <c>/auth</c> (which checks the SigV4 signature) → token.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class AwsIamEmulatorTests
{
    private static readonly AkeylessClientOptions s_options = new() { AccessType = AkeylessAccessType.AwsIam, AccessId = CloudIdEmulator.AwsAccessId };
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.Zero));

    [Theory]
    [InlineData(null)]
    [InlineData("IQoJb3JpZ2luX2VjEXAMPLE+session/token==")]
    public async Task Auth_EnvironmentCredentials_WithOrWithoutSessionToken_ReturnsToken(string? sessionToken)
    {
        using var env = EnvironmentScope.EmptyAws()
            .Set("AWS_ACCESS_KEY_ID", CloudIdEmulator.AwsKeyId).Set("AWS_SECRET_ACCESS_KEY", CloudIdEmulator.AwsSecret)
            .Set("AWS_SESSION_TOKEN", sessionToken);
        await using var emulator = await CloudIdEmulator.StartAsync(_clock);
        using var provider = new AwsIamCloudIdProvider(new AkeylessAwsCloudIdOptions { TimeProvider = _clock });

        var (status, token, error) = await emulator.AuthAsync("aws_iam", CloudIdEmulator.AwsAccessId, await provider.GetCloudIdAsync(s_options, CancellationToken.None));

        Assert.True(status == HttpStatusCode.OK, error);
        Assert.StartsWith("t-", token, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auth_WrongSecretKey_Returns401()
    {
        await using var emulator = await CloudIdEmulator.StartAsync(_clock);
        using var provider = new AwsIamCloudIdProvider(new AkeylessAwsCloudIdOptions
        {
            AwsCredentials = new BasicAWSCredentials(CloudIdEmulator.AwsKeyId, "not/the/secret/the/emulator/trusts/0000"),
            TimeProvider = _clock,
        });

        var (status, _, error) = await emulator.AuthAsync("aws_iam", CloudIdEmulator.AwsAccessId, await provider.GetCloudIdAsync(s_options, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("signature", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Auth_CloudIdOlderThan15Minutes_Returns401()
    {
        await using var emulator = await CloudIdEmulator.StartAsync(_clock);
        using var provider = new AwsIamCloudIdProvider(new AkeylessAwsCloudIdOptions
        {
            AwsCredentials = new BasicAWSCredentials(CloudIdEmulator.AwsKeyId, CloudIdEmulator.AwsSecret),
            TimeProvider = _clock,
        });
        var cloudId = await provider.GetCloudIdAsync(s_options, CancellationToken.None);

        _clock.Advance(TimeSpan.FromMinutes(16));
        var (status, _, _) = await emulator.AuthAsync("aws_iam", CloudIdEmulator.AwsAccessId, cloudId);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }
}
