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

    [Fact]
    public void FromAirflowExtras_Uid_UsesUidToken()
    {
        var options = AkeylessClientOptions.FromAirflowExtras("""{"access_type": "uid", "uid_token": "u-abc"}""");

        Assert.Equal(AkeylessAccessType.UniversalIdentity, options.AccessType);
        Assert.Equal("u-abc", options.UidToken);
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
