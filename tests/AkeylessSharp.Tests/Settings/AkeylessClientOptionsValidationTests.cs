using AkeylessSharp.Settings;
using AkeylessSharp.Settings.Internal;

namespace AkeylessSharp.Tests.Settings;

public sealed class AkeylessClientOptionsValidationTests
{
    private const string Secret = "SUPER-SECRET-VALUE-42";

    public static TheoryData<string, Action<AkeylessClientOptions>, string> Invalid => new()
    {
        { "bad access id", o => o.AccessId = "abc", "AccessId must look like 'p-'" },
        { "access id with dash", o => o.AccessId = "p-ab-c", "AccessId must look like 'p-'" },
        { "api_key without key", o => o.AccessKey = null, "AccessKey is required" },
        { "api_key without id", o => o.AccessId = null, "AccessId is required for AccessType access_key" },
        { "uid without token", o => { o.AccessType = AkeylessAccessType.UniversalIdentity; }, "UidToken is required" },
        { "jwt without jwt", o => o.AccessType = AkeylessAccessType.Jwt, "Jwt or JwtEnvironmentVariable is required" },
        { "k8s without config", o => o.AccessType = AkeylessAccessType.Kubernetes, "K8sAuthConfigName is required" },
        { "cert without data", o => o.AccessType = AkeylessAccessType.Certificate, "CertificateData is required" },
        { "cert without key", o => { o.AccessType = AkeylessAccessType.Certificate; o.CertificateData = "x"; }, "PrivateKeyData is required" },
        { "gcp without audience", o => { o.AccessType = AkeylessAccessType.Gcp; o.GcpAudience = ""; }, "GcpAudience is required" },
        { "bad profile", o => o.Profile = "a b", "Profile may contain only letters, digits and '-'" },
        { "bad access type", o => o.AccessType = (AkeylessAccessType)99, "AccessType" },
        { "empty url", o => o.ApiUrl = " ", "ApiUrl" },
        { "ftp url", o => o.ApiUrl = "ftp://x", "is not an http(s) URL" },
        { "port 8000 without api/v2", o => o.ApiUrl = "https://gw:8000", "Use https://gw:8000/api/v2" },
        { "command path", o => o.ApiUrl = "https://api.akeyless.io/auth", "ends with the command '/auth'" },
        { "retries out of range", o => o.MaxRetries = 11, "MaxRetries" },
        { "relative gateway url", o => o.GatewayUrl = "gateway.example.com", "GatewayUrl is not an absolute http(s) URL" },
        { "ftp gateway url", o => o.GatewayUrl = "ftp://gateway.example.com", "GatewayUrl is not an absolute http(s) URL" },
        { "NUL in the k8s token path", o => o.K8sServiceAccountTokenPath = "/var/run/\0token", "K8sServiceAccountTokenPath holds a NUL character" },
        { "NUL in the CA bundle path", o => o.GatewayCaBundlePath = "/etc/ca\0.pem", "GatewayCaBundlePath holds a NUL character" },
        { "NUL in the SAML folder", o => o.SamlCredentialsDirectory = "/tmp/\0creds", "SamlCredentialsDirectory holds a NUL character" },
        { "zero ttl", o => o.AuthTokenTtl = TimeSpan.Zero, "AuthTokenTtl" },
        { "ttl below clearskies' 300 s", o => o.AuthTokenTtl = TimeSpan.FromSeconds(299), "AuthTokenTtl must be between 00:05:00 and 12:00:00" },
        { "ttl above clearskies' 43,200 s", o => o.AuthTokenTtl = TimeSpan.FromSeconds(43201), "AuthTokenTtl must be between 00:05:00 and 12:00:00" },
        { "buffer above clearskies' 3,600 s", o => o.TokenRefreshBuffer = TimeSpan.FromSeconds(3601), "TokenRefreshBuffer must be between 00:00:00 and 01:00:00" },
        { "negative buffer", o => o.TokenRefreshBuffer = TimeSpan.FromSeconds(-1), "TokenRefreshBuffer" },
        { "uid rotation every few seconds", o => o.UidTokenRotationInterval = TimeSpan.FromSeconds(5), "UidTokenRotationInterval" },
        { "negative timeout", o => o.Timeout = TimeSpan.FromSeconds(-1), "Timeout" },
        { "attempt above total", o => o.AttemptTimeout = TimeSpan.FromMinutes(59), "AttemptTimeout" },
        { "response limit below 1 KB", o => o.MaxResponseSize = 1023, "MaxResponseSize" },
        { "negative response limit", o => o.MaxResponseSize = -1, "MaxResponseSize" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Constructor_InvalidOptions_ThrowsConfigurationExceptionNamingField(string because, Action<AkeylessClientOptions> change, string expected)
    {
        var options = Valid();
        change(options);

        var ex = Assert.Throws<AkeylessConfigurationException>(() => new AkeylessClient(options));

        Assert.True(ex.Message.Contains(expected, StringComparison.Ordinal), $"{because}: {ex.Message}");
        Assert.DoesNotContain(Secret, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validators_InvalidOptions_Fail(string because, Action<AkeylessClientOptions> change, string expected)
    {
        var options = Valid();
        change(options);

        var failures = new AkeylessClientOptionsValidator().Validate(null, options).Failures ?? [];
        var cross = new AkeylessClientOptionsCrossValidator().Validate(null, options).Failures ?? [];

        Assert.Contains(failures.Concat(cross), f => f.Contains(expected, StringComparison.Ordinal));
        Assert.False(string.IsNullOrEmpty(because));
    }

    [Theory]
    [InlineData("https://api.akeyless.io")]
    [InlineData("api.akeyless.io")]
    [InlineData("https://gw:8000/api/v2")]
    [InlineData("https://gw:8080/v2")]
    [InlineData("https://gw:8081")]
    [InlineData("http://127.0.0.1:5000/")]
    public void Constructor_AcceptedApiUrl_DoesNotThrow(string url)
    {
        var options = Valid();
        options.ApiUrl = url;

        using var client = new AkeylessClient(options);

        Assert.Equal(url, client.Options.ApiUrl);
    }

    [Theory]
    [InlineData(300, 0)]
    [InlineData(43200, 3600)]
    public void Constructor_ClearskiesRangeBounds_AreAccepted(int ttlSeconds, int bufferSeconds)
    {
        var options = Valid();
        options.AuthTokenTtl = TimeSpan.FromSeconds(ttlSeconds);
        options.TokenRefreshBuffer = TimeSpan.FromSeconds(bufferSeconds);

        using var client = new AkeylessClient(options);

        Assert.Equal(TimeSpan.FromSeconds(ttlSeconds), client.Options.AuthTokenTtl);
    }

    [Fact]
    public void Constructor_JwtFromEnvironmentVariableName_IsValid()
    {
        var options = new AkeylessClientOptions { AccessId = "p-abc", AccessType = AkeylessAccessType.Jwt, JwtEnvironmentVariable = "MY_JWT" };

        Assert.NotNull(OptionsChecks.ThrowIfInvalid(options));
    }

    [Fact]
    public void Validate_UidWithoutAccessId_IsValid()
    {
        var options = new AkeylessClientOptions { AccessType = AkeylessAccessType.UniversalIdentity, UidToken = "u-1" };

        Assert.NotNull(OptionsChecks.ThrowIfInvalid(options));
    }

    [Fact]
    public void ToString_WithSecrets_RedactsThem()
    {
        var options = new AkeylessClientOptions
        {
            AccessId = "p-abc",
            AccessKey = Secret,
            UidToken = Secret,
            Jwt = Secret,
            K8sServiceAccountToken = Secret,
            PrivateKeyData = Secret,
        };

        var text = options.ToString();

        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.Contains("AccessKey = ***", text, StringComparison.Ordinal);
        Assert.Contains("p-abc", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GatewayCaBundlePath", "")]
    [InlineData("GatewayCaBundlePath", " ")]
    [InlineData("K8sServiceAccountTokenPath", "")]
    public void Constructor_BlankFilePath_ThrowsConfigurationExceptionNamingItNotArgumentException(string field, string path)
    {
        var options = Valid();
        if (field == nameof(AkeylessClientOptions.GatewayCaBundlePath))
        {
            options.GatewayCaBundlePath = path;
        }
        else
        {
            options.AccessType = AkeylessAccessType.Kubernetes;
            options.K8sAuthConfigName = "k8s-conf";
            options.K8sServiceAccountTokenPath = path;
        }

        var ex = Assert.Throws<AkeylessConfigurationException>(() => new AkeylessClient(options));

        Assert.Equal(field, ex.Field);
    }

    private static AkeylessClientOptions Valid() => new() { AccessId = "p-abc123", AccessKey = Secret };
}
