using AkeylessSharp.Auth;
using AkeylessSharp.Tests.Infrastructure;

namespace AkeylessSharp.Tests.Auth;

public sealed class AuthenticationMethodTests : IAsyncLifetime
{
    private EmulatorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await EmulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task ApiKey_ValidKey_ReadsSecret()
    {
        using var client = _harness.Client();

        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));
    }

    [Fact]
    public async Task ApiKey_WrongKey_ThrowsUnauthorizedWithoutKey()
    {
        using var client = _harness.Client(o => o.AccessKey = "wrong-key-value");

        var ex = await Assert.ThrowsAsync<AkeylessUnauthorizedException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());

        Assert.Equal("auth", ex.Command);
        Assert.DoesNotContain("wrong-key-value", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UniversalIdentity_SeededToken_ReadsSecret()
    {
        using var client = _harness.Client(o => { o.AccessType = AkeylessAccessType.UniversalIdentity; o.AccessId = TestCredentials.UidAccessId; o.UidToken = TestCredentials.UidToken; o.AccessKey = null; });

        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));
    }

    [Fact]
    public async Task UniversalIdentity_AirflowConnectionWithAnotherMethodsLogin_ReadsSecretWithTheUidTokenAlone()
    {
        var options = AkeylessClientOptions.FromAirflowExtras(
            $$"""{"access_type": "uid", "uid_token": "{{TestCredentials.UidToken}}"}""",
            _harness.Emulator.BaseUrl.ToString(), _harness.Emulator.AccessId, _harness.Emulator.AccessKey);
        using var client = new AkeylessClient(options, null, _harness.Time);

        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));
    }

    [Fact]
    public async Task Jwt_DirectToken_ReadsSecret()
    {
        using var client = _harness.Client(o => { o.AccessType = AkeylessAccessType.Jwt; o.AccessId = TestCredentials.JwtAccessId; o.Jwt = _harness.Credentials.Jwt(); });

        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));
    }

    [Fact]
    public async Task Jwt_FromEnvironmentVariable_ReadsSecret()
    {
        var variable = "AKEYLESS_TEST_JWT_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, _harness.Credentials.Jwt());
        try
        {
            using var client = _harness.Client(o => { o.AccessType = AkeylessAccessType.Jwt; o.AccessId = TestCredentials.JwtAccessId; o.JwtEnvironmentVariable = variable; });

            Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task Jwt_EnvironmentVariableUnset_ThrowsNamingVariable()
    {
        using var client = _harness.Client(o => { o.AccessType = AkeylessAccessType.Jwt; o.AccessId = TestCredentials.JwtAccessId; o.JwtEnvironmentVariable = "AKEYLESS_TEST_UNSET_VAR"; });

        var ex = await Assert.ThrowsAsync<AkeylessConfigurationException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());

        Assert.Contains("AKEYLESS_TEST_UNSET_VAR", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jwt_ExpiresIn30Minutes_TokenExpiryComesFromCreds()
    {
        using var client = _harness.Client(o => { o.AccessType = AkeylessAccessType.Jwt; o.AccessId = TestCredentials.JwtAccessId; o.Jwt = _harness.Credentials.Jwt(); });

        var result = await client.TestConnectionAsync();

        Assert.True(result.Success, result.Message);
        Assert.Contains(_harness.Time.GetUtcNow().AddHours(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture)[..16], result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubernetes_TokenFromOption_ReadsSecret()
    {
        using var client = _harness.Client(o => { o.AccessType = AkeylessAccessType.Kubernetes; o.AccessId = TestCredentials.K8sAccessId; o.K8sAuthConfigName = TestCredentials.K8sConfig; o.K8sServiceAccountToken = _harness.Credentials.ServiceAccountToken; });

        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));
    }

    [Fact]
    public async Task Kubernetes_TokenFromFile_ReadsSecret()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, _harness.Credentials.ServiceAccountToken + "\n");
        try
        {
            using var client = _harness.Client(o => { o.AccessType = AkeylessAccessType.Kubernetes; o.AccessId = TestCredentials.K8sAccessId; o.K8sAuthConfigName = TestCredentials.K8sConfig; o.K8sServiceAccountTokenPath = file; });

            Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Kubernetes_MissingTokenFile_ThrowsNamingPath()
    {
        using var client = _harness.Client(o => { o.AccessType = AkeylessAccessType.Kubernetes; o.AccessId = TestCredentials.K8sAccessId; o.K8sAuthConfigName = TestCredentials.K8sConfig; o.K8sServiceAccountTokenPath = "/nonexistent/token"; });

        var ex = await Assert.ThrowsAsync<AkeylessConfigurationException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());

        Assert.Contains("/nonexistent/token", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pem")]
    [InlineData("base64")]
    [InlineData("der")]
    public async Task Certificate_PemOrBase64OrDer_ReadsSecret(string form)
    {
        string Encode(string pem) => form switch
        {
            "base64" => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(pem)),
            "der" => Convert.ToBase64String(Convert.FromBase64String(pem[System.Security.Cryptography.PemEncoding.Find(pem).Base64Data])),
            _ => pem,
        };
        using var client = _harness.Client(o =>
        {
            o.AccessType = AkeylessAccessType.Certificate;
            o.AccessId = TestCredentials.CertAccessId;
            o.CertificateData = Encode(_harness.Credentials.ClientCertificatePem);
            o.PrivateKeyData = Encode(_harness.Credentials.ClientKeyPem);
        });

        Assert.Equal(EmulatorHarness.StaticValue, await client.GetSecretAsync(EmulatorHarness.StaticPath));
    }

    [Theory]
    [InlineData(AkeylessAccessType.AwsIam, "AkeylessSharp.CloudId.Aws", ".AddAwsCloudId()")]
    [InlineData(AkeylessAccessType.Gcp, "AkeylessSharp.CloudId.Gcp", ".AddGcpCloudId()")]
    [InlineData(AkeylessAccessType.AzureAd, "AkeylessSharp.CloudId.Azure", ".AddAzureCloudId()")]
    public async Task CloudId_NoProvider_ThrowsPackageMissingNamingTheCloudsPackage(AkeylessAccessType type, string package, string method)
    {
        using var client = _harness.Client(o => o.AccessType = type);

        var ex = await Assert.ThrowsAsync<AkeylessCloudIdPackageMissingException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());

        Assert.Contains($"the {package} package", ex.Message, StringComparison.Ordinal);
        Assert.Contains(method, ex.Message, StringComparison.Ordinal);
        Assert.Equal(type, ex.AccessType);
    }

    [Fact]
    public async Task CloudId_ProviderGiven_SendsItsCloudId()
    {
        var provider = new StubCloudIdProvider(AkeylessAccessType.AzureAd);
        using var client = new AkeylessClient(_harness.Options(o => o.AccessType = AkeylessAccessType.AzureAd), null, _harness.Time, [provider]);

        var result = await client.TestConnectionAsync();

        Assert.Equal(1, provider.Calls);
        Assert.Equal(1, _harness.Emulator.Counters.Get("auth"));
        Assert.False(result.Success);
    }

    [Fact]
    public async Task CloudId_ProviderHangingAndIgnoringCancellation_IsGivenUpAtTheTimeout_AndTheNextCallAuthenticatesAfresh()
    {
        var provider = new HangingOnceCloudIdProvider(AkeylessAccessType.AzureAd);
        using var client = new AkeylessClient(_harness.Options(o => { o.AccessType = AkeylessAccessType.AzureAd; o.Timeout = TimeSpan.FromSeconds(5); }), null, _harness.Time, [provider]);

        var first = client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask();
        await WaitUntilAsync(() => provider.Calls == 1);
        _harness.Time.Advance(TimeSpan.FromSeconds(5));
        var timedOut = await Assert.ThrowsAsync<AkeylessTimeoutException>(() => first);

        // Without the bound, this call would wait on the hung attempt (for ever) instead of asking the provider again.
        var second = client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask();
        await WaitUntilAsync(() => provider.Calls == 2);
        await Assert.ThrowsAsync<AkeylessUnauthorizedException>(() => second); // the stub's cloud id is not a real token

        Assert.Equal(1, _harness.Emulator.Counters.Get("auth"));
        Assert.Contains("00:00:05", timedOut.Message, StringComparison.Ordinal);
        Assert.Contains("authentication (azure_ad) was still under way", timedOut.Message, StringComparison.Ordinal);
        Assert.Contains("managed identity endpoint", timedOut.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(typeof(HttpRequestException))]
    [InlineData(typeof(InvalidOperationException))]
    [InlineData(typeof(TaskCanceledException))]
    public async Task CloudId_ProviderFailingWithItsOwnException_ThrowsCloudIdExceptionWrappingIt(Type failure)
    {
        var provider = new FailingCloudIdProvider(AkeylessAccessType.AwsIam, (Exception)Activator.CreateInstance(failure, "the metadata service is down")!);
        using var client = new AkeylessClient(_harness.Options(o => o.AccessType = AkeylessAccessType.AwsIam), null, _harness.Time, [provider]);

        var ex = await Assert.ThrowsAsync<AkeylessCloudIdException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());
        var tested = await client.TestConnectionAsync();

        Assert.IsType(failure, ex.InnerException);
        Assert.Equal(AkeylessAccessType.AwsIam, ex.AccessType);
        Assert.Contains(nameof(FailingCloudIdProvider), ex.Message, StringComparison.Ordinal);
        Assert.False(tested.Success);
        Assert.Equal(0, _harness.Emulator.Counters.Get("auth"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public async Task CloudId_ProviderReturningNoCloudId_ThrowsCloudIdExceptionNamingIt_WithoutCallingAuth(string? cloudId)
    {
        var provider = new ReturningCloudIdProvider(AkeylessAccessType.Gcp, cloudId);
        using var client = new AkeylessClient(_harness.Options(o => o.AccessType = AkeylessAccessType.Gcp), null, _harness.Time, [provider]);

        var ex = await Assert.ThrowsAsync<AkeylessCloudIdException>(() => client.GetSecretAsync(EmulatorHarness.StaticPath).AsTask());

        Assert.Equal(AkeylessAccessType.Gcp, ex.AccessType);
        Assert.Contains(nameof(ReturningCloudIdProvider), ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, _harness.Emulator.Counters.Get("auth"));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (int i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }

    [Fact]
    public async Task TestConnectionAsync_BadCredentials_ReturnsReasonWithoutThrowing()
    {
        using var client = _harness.Client(o => o.AccessKey = "bad");

        var result = await client.TestConnectionAsync();

        Assert.False(result.Success);
        Assert.Contains("401", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestConnectionAsync_Unreachable_ReturnsReasonWithoutThrowing()
    {
        using var client = new AkeylessClient(new AkeylessClientOptions { ApiUrl = "http://127.0.0.1:1", AccessId = "p-abc", AccessKey = "k", MaxRetries = 0 });

        var result = await client.TestConnectionAsync();

        Assert.False(result.Success);
        Assert.Contains("Could not reach Akeyless", result.Message, StringComparison.Ordinal);
    }

    /// <summary>Never answers its first call, whatever the cancellation token says (a stuck cloud SDK); answers like the stub after.</summary>
    private sealed class HangingOnceCloudIdProvider(AkeylessAccessType type) : ICloudIdProvider
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public AkeylessAccessType AccessType => type;

        public ValueTask<string> GetCloudIdAsync(AkeylessClientOptions options, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _calls) == 1
                ? new ValueTask<string>(new TaskCompletionSource<string>().Task)
                : ValueTask.FromResult(Convert.ToBase64String("not-a-real-azure-token"u8.ToArray()));
    }

    private sealed class FailingCloudIdProvider(AkeylessAccessType type, Exception failure) : ICloudIdProvider
    {
        public AkeylessAccessType AccessType => type;

        public ValueTask<string> GetCloudIdAsync(AkeylessClientOptions options, CancellationToken cancellationToken) => ValueTask.FromException<string>(failure);
    }

    private sealed class ReturningCloudIdProvider(AkeylessAccessType type, string? cloudId) : ICloudIdProvider
    {
        public AkeylessAccessType AccessType => type;

        public ValueTask<string> GetCloudIdAsync(AkeylessClientOptions options, CancellationToken cancellationToken) => ValueTask.FromResult(cloudId!);
    }

    private sealed class StubCloudIdProvider(AkeylessAccessType type) : ICloudIdProvider
    {
        public int Calls { get; private set; }

        public AkeylessAccessType AccessType => type;

        public ValueTask<string> GetCloudIdAsync(AkeylessClientOptions options, CancellationToken cancellationToken)
        {
            Calls++;
            return ValueTask.FromResult(Convert.ToBase64String("not-a-real-azure-token"u8.ToArray()));
        }
    }
}
