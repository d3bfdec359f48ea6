using System.Text;
using Microsoft.Extensions.Configuration;

namespace AkeylessSharp.Tests.Settings;

public sealed class AkeylessClientOptionsParsingTests
{
    [Fact]
    public void FromConnectionString_Uri_ParsesCredentialsHostAndType()
    {
        var options = AkeylessClientOptions.FromConnectionString("akeyless://p-abc123:k%2Fey%3D@gw.example:8000/api/v2?access_type=api_key");

        Assert.Equal("https://gw.example:8000/api/v2", options.ApiUrl);
        Assert.Equal("p-abc123", options.AccessId);
        Assert.Equal("k/ey=", options.AccessKey);
        Assert.Equal(AkeylessAccessType.ApiKey, options.AccessType);
    }

    [Fact]
    public void FromConnectionString_PlainHttpUriWithUid_ParsesQuery()
    {
        var options = AkeylessClientOptions.FromConnectionString("akeyless+http://127.0.0.1:5000?access_type=uid&uid_token=u-123");

        Assert.Equal("http://127.0.0.1:5000", options.ApiUrl);
        Assert.Equal(AkeylessAccessType.UniversalIdentity, options.AccessType);
        Assert.Equal("u-123", options.UidToken);
    }

    [Fact]
    public void FromConnectionString_KeyValues_ParsesBothSpellings()
    {
        var options = AkeylessClientOptions.FromConnectionString("ApiUrl=https://gw:8080/v2;access_id=p-abc;AccessType=jwt;jwt_env_key=MY_JWT;auth_token_ttl=600");

        Assert.Equal("https://gw:8080/v2", options.ApiUrl);
        Assert.Equal(AkeylessAccessType.Jwt, options.AccessType);
        Assert.Equal("MY_JWT", options.JwtEnvironmentVariable);
        Assert.Equal(TimeSpan.FromSeconds(600), options.AuthTokenTtl);
    }

    [Fact]
    public void FromConnectionString_RequestTimeoutsAndRetryDelay_ParseAsSeconds()
    {
        var options = AkeylessClientOptions.FromConnectionString("AccessId=p-abc;AccessKey=a2V5;AttemptTimeout=20;total_request_timeout=90;RetryBaseDelay=0.5");
        var uri = AkeylessClientOptions.FromConnectionString("akeyless://p-abc:a2V5@host?attempt_timeout=15&total_request_timeout=00:02:00");

        Assert.Equal(TimeSpan.FromSeconds(20), options.AttemptTimeout);
        Assert.Equal(TimeSpan.FromSeconds(90), options.TotalRequestTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.RetryBaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(15), uri.AttemptTimeout);
        Assert.Equal(TimeSpan.FromMinutes(2), uri.TotalRequestTimeout);
    }

    [Fact]
    public void ConnectionStringKeys_SetEveryTextNumberDurationAndSwitchOption()
    {
        var options = new AkeylessClientOptions();
        var notSet = new List<string>();
        foreach (var property in typeof(AkeylessClientOptions).GetProperties().Where(static p => p.CanWrite && IsScalar(p.PropertyType) && p.Name is not ("SamlLoginCommand" or "SamlCredentialsDirectory")))
        {
            var (text, expected) = SampleFor(property);
            if (!AkeylessSharp.Settings.Internal.OptionSetters.TrySet(options, property.Name, text) || !Equals(expected, property.GetValue(options)))
            {
                notSet.Add(property.Name);
            }
        }

        Assert.Empty(notSet);
    }

    [Theory]
    [InlineData("SamlLoginCommand")]
    [InlineData("saml_credentials_directory")]
    public void ConnectionStringKeys_NeverChooseACommandToRunOrACredentialsFolder(string key)
    {
        var defaults = new AkeylessClientOptions();

        var ex = Assert.Throws<AkeylessConfigurationException>(() => AkeylessClientOptions.FromConnectionString($"AccessId=p-abc;AccessKey=a2V5;{key}=/tmp/x"));
        var extras = AkeylessClientOptions.FromAirflowExtras($$"""{"access_type": "saml", "access_id": "p-abc123", "{{key}}": "touch /tmp/pwned"}""");

        Assert.Contains(key, ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(defaults.SamlLoginCommand, extras.SamlLoginCommand);
        Assert.Equal(defaults.SamlCredentialsDirectory, extras.SamlCredentialsDirectory);
    }

    [Fact]
    public void ApplyConnectionString_SetsWhatItNames_KeepsTheRest()
    {
        var options = new AkeylessClientOptions { ApiUrl = "https://gw.example.com:8000/api/v2", MaxRetries = 7, Timeout = TimeSpan.FromSeconds(42) };

        var applied = options.ApplyConnectionString("AccessId=p-abc;AccessKey=a2V5;MaxRetries=3");

        Assert.Same(options, applied);
        Assert.Equal("https://gw.example.com:8000/api/v2", options.ApiUrl);
        Assert.Equal(("p-abc", "a2V5", 3), (options.AccessId, options.AccessKey, options.MaxRetries));
        Assert.Equal(TimeSpan.FromSeconds(42), options.Timeout);
    }

    [Theory]
    [InlineData("akeyless://p-abc:a2V5@gw.example.com?api_url=https://elsewhere.example", "api_url")]
    [InlineData("akeyless://p-abc:a2V5@gw.example.com?ApiHost=elsewhere.example", "ApiHost")]
    public void FromConnectionString_UriParameterReplacingItsHost_IsRefusedNamingIt(string text, string key)
    {
        var error = Assert.Throws<AkeylessConfigurationException>(() => AkeylessClientOptions.FromConnectionString(text));

        Assert.Equal(key, error.Field);
        Assert.DoesNotContain("elsewhere", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Timeout=1e20")]
    [InlineData("AuthTokenTtl=Infinity")]
    [InlineData("retry_base_delay=1e400")]
    [InlineData("TokenRefreshBuffer=922337203685.5")]
    public void FromConnectionString_DurationBeyondTimeSpan_ThrowsConfigurationExceptionNamingTheField(string pair)
    {
        var error = Assert.Throws<AkeylessConfigurationException>(() => AkeylessClientOptions.FromConnectionString($"AccessId=p-abc;AccessKey=a2V5;{pair}"));

        Assert.Contains(pair[..pair.IndexOf('=', StringComparison.Ordinal)].Replace("_", string.Empty, StringComparison.Ordinal), error.Message.Replace("_", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("AccessId=p-abc;AccessKey=QUJD+/xyz==", "QUJD+/xyz==")]
    [InlineData("AccessId=p-abc;AccessKey='QUJD+/x;yz=='", "QUJD+/x;yz==")]
    [InlineData("akeyless://p-abc:QUJD%2B%2Fxyz%3D%3D@host", "QUJD+/xyz==")]
    [InlineData("akeyless://p-abc:QUJD+xyz==@host", "QUJD+xyz==")]
    [InlineData("akeyless://host?access_id=p-abc&access_key=QUJD+xyz==", "QUJD+xyz==")]
    public void FromConnectionString_Base64AccessKeyWithPaddingAndPlus_IsKeptAsWritten(string connectionString, string expected)
    {
        Assert.Equal(expected, AkeylessClientOptions.FromConnectionString(connectionString).AccessKey);
    }

    [Fact]
    public void FromAirflowExtras_DurationBeyondTimeSpan_ThrowsConfigurationException()
    {
        Assert.Throws<AkeylessConfigurationException>(() => AkeylessClientOptions.FromAirflowExtras("""{"access_type": "api_key", "timeout": 1e20}""", accessId: "p-abc", accessKey: "a2V5"));
    }

    private static bool IsScalar(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(string) || t == typeof(int) || t == typeof(bool) || t == typeof(TimeSpan) || t.IsEnum);

    private static (string Text, object Expected) SampleFor(System.Reflection.PropertyInfo property)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return type switch
        {
            _ when type == typeof(int) => ("2048", 2048),
            _ when type == typeof(bool) => ("false", false),
            _ when type == typeof(TimeSpan) => ("42", TimeSpan.FromSeconds(42)),
            _ when type == typeof(AkeylessAccessType) => ("k8s", AkeylessAccessType.Kubernetes),
            _ => ($"https://value-of-{property.Name}.example", $"https://value-of-{property.Name}.example"),
        };
    }

    [Theory]
    [InlineData("AccessId=p-abc;Colour=blue", "Colour")]
    [InlineData("akeyless://p-abc:key@host?colour=blue", "colour")]
    [InlineData("akeyless://p-abc:key@host?access_type=password", "access_type")]
    [InlineData("akeyless://p-abc@host", "AccessKey")]
    [InlineData("akeyless://bad-id:key@host", "AccessId")]
    public void FromConnectionString_Invalid_ThrowsNamingField(string text, string field)
    {
        var ex = Assert.Throws<AkeylessConfigurationException>(() => AkeylessClientOptions.FromConnectionString(text));

        Assert.Contains(field, ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("key@", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AccessId=p-abc;AttemptTimeoutMs=5000", "AttemptTimeoutMs")]
    [InlineData("AccessId=p-abc; Colour = blue", "Colour")]
    [InlineData("COLOUR=blue;AccessId=p-abc", "COLOUR")]
    [InlineData("AccessId=p-abcColour;Colour=blue", "Colour")]
    public void FromConnectionString_UnknownKey_QuotesTheKeyAsWritten(string text, string written)
    {
        var ex = Assert.Throws<AkeylessConfigurationException>(() => AkeylessClientOptions.FromConnectionString(text));

        Assert.Contains($"'{written}'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(written, ex.Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n")]
    public void FromAirflowExtras_BlankWithoutLogin_SaysTheExtrasAreEmptyAndWhatThatMeans(string extras)
    {
        var error = Assert.Throws<AkeylessConfigurationException>(() => AkeylessClientOptions.FromAirflowExtras(extras));

        Assert.StartsWith("The Airflow extras are empty", error.Message, StringComparison.Ordinal);
        Assert.Contains("login (access id)", error.Message, StringComparison.Ordinal);
        Assert.Contains("AccessId", error.Message, StringComparison.Ordinal);
        Assert.Equal(nameof(AkeylessClientOptions.AccessId), error.Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void FromAirflowExtras_BlankWithLoginAndPassword_IsApiKeyLikeAnEmptyAirflowExtra(string extras)
    {
        var options = AkeylessClientOptions.FromAirflowExtras(extras, accessId: "p-abc123", accessKey: "a2V5");

        Assert.Equal(AkeylessAccessType.ApiKey, options.AccessType);
        Assert.Equal("p-abc123", options.AccessId);
        Assert.Equal("a2V5", options.AccessKey);
    }

    [Fact]
    public void FromAirflowExtras_Uid_UsesUidToken()
    {
        var options = AkeylessClientOptions.FromAirflowExtras("""{"access_type": "uid", "uid_token": "u-abc"}""");

        Assert.Equal(AkeylessAccessType.UniversalIdentity, options.AccessType);
        Assert.Equal("u-abc", options.UidToken);
    }

    [Fact]
    public void FromAirflowExtras_UidWithLoginAndPassword_LeavesThemUnusedLikeTheProvider()
    {
        var options = AkeylessClientOptions.FromAirflowExtras("""{"access_type": "uid", "uid_token": "u-abc"}""", accessId: "p-other", accessKey: "key");

        Assert.Null(options.AccessId);
        Assert.Null(options.AccessKey);
        Assert.Equal("u-abc", options.UidToken);
    }

    [Fact]
    public void FromAirflowExtras_UidBackendKwargsWithAccessId_KeepsTheJsonsAccessId()
    {
        var options = AkeylessClientOptions.FromAirflowExtras("""{"access_id": "p-uid123", "access_type": "uid", "uid_token": "u-abc"}""", accessId: "p-other");

        Assert.Equal("p-uid123", options.AccessId);
    }

    [Theory]
    [InlineData("gw.example:8081", "gw.example:8081")]
    [InlineData(null, "https://from-extra.example")]
    [InlineData(" ", "https://from-extra.example")]
    public void FromAirflowExtras_HostAndApiUrlExtra_HostWinsLikeTheHook(string? host, string expected)
    {
        var options = AkeylessClientOptions.FromAirflowExtras("""{"api_url": "https://from-extra.example"}""", host, "p-abc123", "key");

        Assert.Equal(expected, options.ApiUrl);
    }

    [Fact]
    public void FromAirflowExtras_JsonCredentials_WinOverTheConnectionsLoginAndPassword()
    {
        var options = AkeylessClientOptions.FromAirflowExtras("""{"access_id": "p-fromjson", "access_key": "json-key"}""", accessId: "p-login", accessKey: "password");

        Assert.Equal("p-fromjson", options.AccessId);
        Assert.Equal("json-key", options.AccessKey);
    }

    // One row per line of the reference's "extra JSON" table, login and password set as the Airflow form would.
    [Theory]
    [InlineData("""{"access_type": "api_key"}""", AkeylessAccessType.ApiKey, "AccessKey", "password")]
    [InlineData("{}", AkeylessAccessType.ApiKey, "AccessKey", "password")]
    [InlineData("""{"access_type": "uid", "uid_token": "u-tok"}""", AkeylessAccessType.UniversalIdentity, "UidToken", "u-tok")]
    [InlineData("""{"access_type": "jwt", "jwt": "e.y.j"}""", AkeylessAccessType.Jwt, "Jwt", "e.y.j")]
    [InlineData("""{"access_type": "k8s", "k8s_auth_config_name": "k8s-conf"}""", AkeylessAccessType.Kubernetes, "K8sAuthConfigName", "k8s-conf")]
    [InlineData("""{"access_type": "aws_iam"}""", AkeylessAccessType.AwsIam, "AccessId", "p-login")]
    [InlineData("""{"access_type": "gcp"}""", AkeylessAccessType.Gcp, "GcpAudience", "akeyless.io")]
    [InlineData("""{"access_type": "gcp", "gcp_audience": "my-aud"}""", AkeylessAccessType.Gcp, "GcpAudience", "my-aud")]
    [InlineData("""{"access_type": "azure_ad"}""", AkeylessAccessType.AzureAd, "AzureObjectId", null)]
    [InlineData("""{"access_type": "azure_ad", "azure_object_id": "0000-oid"}""", AkeylessAccessType.AzureAd, "AzureObjectId", "0000-oid")]
    [InlineData("""{"access_type": "certificate", "certificate_data": "Y2VydA==", "private_key_data": "a2V5"}""", AkeylessAccessType.Certificate, "PrivateKeyData", "a2V5")]
    public void FromAirflowExtras_ReferenceExtrasTable_MapsEveryAccessType(string extras, AkeylessAccessType expected, string field, string? value)
    {
        var options = AkeylessClientOptions.FromAirflowExtras(extras, "https://api.akeyless.io", "p-login", "password");

        Assert.Equal(expected, options.AccessType);
        Assert.Equal(value, field switch
        {
            "AccessKey" => options.AccessKey,
            "AccessId" => options.AccessId,
            "UidToken" => options.UidToken,
            "Jwt" => options.Jwt,
            "K8sAuthConfigName" => options.K8sAuthConfigName,
            "GcpAudience" => options.GcpAudience,
            "AzureObjectId" => options.AzureObjectId,
            "PrivateKeyData" => options.PrivateKeyData,
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        });
    }

    [Theory]
    [InlineData("jwt")]
    [InlineData("jwt_token")]
    public void FromAirflowExtras_JwtField_AcceptsBothNames(string field)
    {
        var options = AkeylessClientOptions.FromAirflowExtras($$"""{"access_type": "jwt", "{{field}}": "e.y.j"}""", accessId: "p-abc");

        Assert.Equal("e.y.j", options.Jwt);
    }

    [Fact]
    public void FromAirflowExtras_CertificateWithConnectionFields_MapsToCertificate()
    {
        var options = AkeylessClientOptions.FromAirflowExtras(
            """{"access_type": "certificate", "certificate_data": "-----BEGIN CERTIFICATE-----", "private_key_data": "a2V5"}""",
            apiUrl: "https://gw:8081", accessId: "p-abc");

        Assert.Equal(AkeylessAccessType.Certificate, options.AccessType);
        Assert.Equal("https://gw:8081", options.ApiUrl);
        Assert.Equal("a2V5", options.PrivateKeyData);
    }

    [Fact]
    public void FromAirflowExtras_BackendKwargs_IgnoresPathsAndReadsCredentials()
    {
        var options = AkeylessClientOptions.FromAirflowExtras(
            """{"connections_path": "/airflow/connections", "api_url": "https://api.akeyless.io", "access_id": "p-abc", "access_key": "k", "access_type": "api_key"}""");

        Assert.Equal("p-abc", options.AccessId);
        Assert.Equal("k", options.AccessKey);
    }

    [Theory]
    [InlineData("not json", "extras")]
    [InlineData("[1]", "JSON object")]
    [InlineData("""{"access_type": "oci"}""", "access_type 'oci' is not supported")]
    [InlineData("""{"access_type": "k8s"}""", "K8sAuthConfigName is required")]
    public void FromAirflowExtras_Invalid_ThrowsNamingField(string json, string expected)
    {
        var ex = Assert.Throws<AkeylessConfigurationException>(() => AkeylessClientOptions.FromAirflowExtras(json, accessId: "p-abc"));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConnectionStringOrExtras_AccessKeyWrittenAsTheAccessType_ErrorDoesNotQuoteIt()
    {
        // access_type and access_key differ by one word: the value may be the key, written under the wrong name.
        const string accessKey = "Zm9vYmFyYmF6cXV4LWFjY2Vzcy1rZXk=";

        var fromString = Assert.Throws<AkeylessConfigurationException>(() => AkeylessClientOptions.FromConnectionString($"AccessId=p-abc;AccessType={accessKey}"));
        var fromExtras = Assert.Throws<AkeylessConfigurationException>(() => AkeylessClientOptions.FromAirflowExtras($$"""{"access_type": "{{accessKey}}"}""", accessId: "p-abc"));

        foreach (var ex in new[] { fromString, fromExtras })
        {
            Assert.Equal(nameof(AkeylessClientOptions.AccessType), ex.Field);
            Assert.Contains("is not an Akeyless access type", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(accessKey, ex.ToString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("api_key", AkeylessAccessType.ApiKey)]
    [InlineData("access_key", AkeylessAccessType.ApiKey)]
    [InlineData("uid", AkeylessAccessType.UniversalIdentity)]
    [InlineData("universal_identity", AkeylessAccessType.UniversalIdentity)]
    [InlineData("certificate", AkeylessAccessType.Certificate)]
    [InlineData("cert", AkeylessAccessType.Certificate)]
    [InlineData("K8S", AkeylessAccessType.Kubernetes)]
    [InlineData("aws_iam", AkeylessAccessType.AwsIam)]
    [InlineData("AzureAd", AkeylessAccessType.AzureAd)]
    public void TryParse_KnownName_ReturnsAccessType(string name, AkeylessAccessType expected)
    {
        Assert.True(AkeylessAccessTypeNames.TryParse(name, out var type));
        Assert.Equal(expected, type);
    }

    [Theory]
    [InlineData(AkeylessAccessType.ApiKey, "access_key")]
    [InlineData(AkeylessAccessType.UniversalIdentity, "universal_identity")]
    [InlineData(AkeylessAccessType.Certificate, "cert")]
    [InlineData(AkeylessAccessType.Kubernetes, "k8s")]
    public void ToWireName_AccessType_IsWireSpelling(AkeylessAccessType type, string expected) =>
        Assert.Equal(expected, AkeylessAccessTypeNames.ToWireName(type));

    [Fact]
    public void Bind_FromConfigurationStrings_AcceptsReferenceSpellings()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["AccessType"] = "uid", ["UidToken"] = "u-1", ["TokenRefreshBuffer"] = "00:01:00" })
            .Build();
        var options = new AkeylessClientOptions();

        configuration.Bind(options);

        Assert.Equal(AkeylessAccessType.UniversalIdentity, options.AccessType);
        Assert.Equal(TimeSpan.FromMinutes(1), options.TokenRefreshBuffer);
        Assert.NotEmpty(Encoding.UTF8.GetBytes(options.ToString()));
    }
}
