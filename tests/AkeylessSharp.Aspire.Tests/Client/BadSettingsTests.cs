using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace AkeylessSharp.Aspire.Tests.Client;

/// <summary>Bad connection strings and settings: a typed error naming what is wrong, never echoing a credential.</summary>
public sealed class BadSettingsTests
{
    private const string Secret = "Sup3rS3cretKey";

    private static HostApplicationBuilder Builder(params (string Key, string Value)[] values)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        foreach (var (key, value) in values)
        {
            builder.Configuration[key] = value;
        }

        return builder;
    }

    /// <summary>Registers and resolves the client and its health check service; whichever step fails, the error is returned.</summary>
    private static Exception? RegisterAndResolve(HostApplicationBuilder builder) => Record.Exception(() =>
    {
        builder.AddAkeylessClient("akeyless");
        using var host = builder.Build();
        host.Services.GetRequiredService<IAkeylessClient>();
        host.Services.GetRequiredService<HealthCheckService>();
        _ = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HealthCheckServiceOptions>>().Value;
    });

    [Theory]
    [InlineData("ApiUrl=http://127.0.0.1:1/;AccessId=p-abc;AccessKey=" + Secret + ";Bogus=1", "Bogus")]
    [InlineData("ApiUrl=http://127.0.0.1:1/;AccessId=p-abc;AccessKey=" + Secret + ";AccessType=nonsense", "access_type")]
    [InlineData("ApiUrl=not a url;AccessId=p-abc;AccessKey=" + Secret, "ApiUrl")]
    [InlineData("akeyless+http://p-abc:" + Secret + "@127.0.0.1:notaport", null)]
    [InlineData("akeyless://p-abc:" + Secret + "@", null)]
    [InlineData("ApiUrl=http://127.0.0.1:1/;" + Secret, null)]
    [InlineData(Secret, null)]
    [InlineData("ApiUrl=http://127.0.0.1:1/;AccessId=p-abc;AccessKey=", "AccessKey")]
    [InlineData("ApiUrl=http://127.0.0.1:1/;AccessId=;AccessKey=" + Secret, "AccessId")]
    [InlineData("ApiUrl=http://127.0.0.1:1/;AccessKey=" + Secret, "AccessId")]
    [InlineData("ApiUrl=http://127.0.0.1:1/;AccessId=p-abc;AccessType=uid;AccessKey=" + Secret, "UidToken")]
    [InlineData("akeyless+http://:" + Secret + "@127.0.0.1:1", null)]
    [InlineData("akeyless+http://p-abc:" + Secret + "@127.0.0.1:1?bogus_option=1", "bogus_option")]
    [InlineData("ApiUrl=http://127.0.0.1:1/;AccessId=p-abc;AccessKey=\"" + Secret, null)]
    [InlineData("akeyless+http://p-abc:Sup3r/S3cretKey@127.0.0.1:1", null)]
    [InlineData("akeyless+http://p-abc:Sup3r@S3cretKey@127.0.0.1:1", null)]
    [InlineData("akeyless+http://p-abc:Sup3r?S3cretKey@127.0.0.1:1", null)]
    [InlineData("akeyless+http://p-abc:Sup3r#S3cretKey@127.0.0.1:1", null)]
    public void ABadConnectionString_FailsTyped_WithoutEchoingTheCredential(string connectionString, string? named)
    {
        var error = RegisterAndResolve(Builder(("ConnectionStrings:akeyless", connectionString)));

        var typed = Assert.IsAssignableFrom<AkeylessException>(error);
        Assert.DoesNotContain(Secret, typed.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("S3cretKey", typed.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Sup3r", typed.ToString(), StringComparison.Ordinal);
        if (named is not null)
        {
            Assert.Contains(named, typed.Message, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("50.00:00:00")]
    [InlineData("10675199.02:48:05.4775807")]
    public void AHealthCheckTimeoutLongerThanATimerCanWait_FailsNamingTheSetting(string timeout)
    {
        // Accepted, HealthCheckService's CancelAfter throws at every run: a healthy Akeyless reported Unhealthy.
        var error = RegisterAndResolve(Builder(
            ("ConnectionStrings:akeyless", "ApiUrl=http://127.0.0.1:1/;AccessId=p-abc;AccessKey=" + Secret),
            ("Aspire:Akeyless:Client:HealthCheckTimeout", timeout)));

        var typed = Assert.IsType<AkeylessConfigurationException>(error);
        Assert.Contains("HealthCheckTimeout", typed.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:01")]
    public void ANonPositiveHealthCheckTimeout_FailsNamingTheSetting(string timeout)
    {
        var error = RegisterAndResolve(Builder(
            ("ConnectionStrings:akeyless", "ApiUrl=http://127.0.0.1:1/;AccessId=p-abc;AccessKey=" + Secret),
            ("Aspire:Akeyless:Client:HealthCheckTimeout", timeout)));

        var typed = Assert.IsType<AkeylessConfigurationException>(error);
        Assert.Contains("HealthCheckTimeout", typed.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Aspire:Akeyless:Client:DisableHealthChecks", "maybe")]
    [InlineData("Aspire:Akeyless:Client:HealthCheckTimeout", "soon")]
    [InlineData("Aspire:Akeyless:Client:akeyless:DisableTracing", "definitely")]
    public void ASettingOfTheWrongType_FailsNamingTheKey(string key, string value)
    {
        var error = RegisterAndResolve(Builder(
            ("ConnectionStrings:akeyless", "ApiUrl=http://127.0.0.1:1/;AccessId=p-abc;AccessKey=" + Secret),
            (key, value)));

        var typed = Assert.IsType<AkeylessConfigurationException>(error);
        Assert.Contains(key, typed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(value, typed.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Aspire:Akeyless:Configuration:ReloadInterval", "soon")]
    [InlineData("Aspire:Akeyless:Client:ClientOptions:MaxRetries", "lots")]
    public void AddAkeylessSecrets_ASettingOfTheWrongType_FailsNamingTheKey(string key, string value)
    {
        var builder = Builder(
            ("ConnectionStrings:akeyless", "ApiUrl=http://127.0.0.1:1/;AccessId=p-abc;AccessKey=" + Secret),
            (key, value));

        var error = Assert.Throws<AkeylessConfigurationException>(() => builder.Configuration.AddAkeylessSecrets("akeyless", o => o.Optional = true));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(value, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Aspire:Akeyless:Configuration:ReloadInterval")]
    [InlineData("Aspire:Akeyless:Configuration:ClientOptions:Timeout")]
    public void AddAkeylessSecrets_ADurationWrittenAsABareNumber_FailsNamingTheKey(string key)
    {
        // .NET reads "30" as thirty days: a reload meant every 30 seconds would silently happen once a month.
        var builder = Builder(
            ("ConnectionStrings:akeyless", "ApiUrl=http://127.0.0.1:1/;AccessId=p-abc;AccessKey=" + Secret),
            (key, "30"));

        var error = Assert.Throws<AkeylessConfigurationException>(() => builder.Configuration.AddAkeylessSecrets("akeyless", o => o.Optional = true));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Contains("bare number", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Aspire:Akeyless:Client:HealthCheckTimeout")]
    [InlineData("Aspire:Akeyless:Client:akeyless:HealthCheckTimeout")]
    public void AHealthCheckTimeoutWrittenAsABareNumber_FailsNamingTheKey(string key)
    {
        var error = RegisterAndResolve(Builder(
            ("ConnectionStrings:akeyless", "ApiUrl=http://127.0.0.1:1/;AccessId=p-abc;AccessKey=" + Secret),
            (key, "5")));

        var typed = Assert.IsType<AkeylessConfigurationException>(error);
        Assert.Contains(key, typed.Message, StringComparison.Ordinal);
        Assert.Contains("bare number", typed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddAkeylessClient_CalledTwice_RegistersOneHealthCheck()
    {
        var builder = Builder(("ConnectionStrings:akeyless", "ApiUrl=http://127.0.0.1:1/;AccessId=p-abc;AccessKey=" + Secret));
        builder.AddAkeylessClient("akeyless", s => s.HealthCheckTimeout = TimeSpan.FromSeconds(2), o => o.MaxRetries = 0);
        builder.AddAkeylessClient("akeyless", s => s.HealthCheckTimeout = TimeSpan.FromSeconds(2), o => o.MaxRetries = 0);
        using var host = builder.Build();

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(["Akeyless"], report.Entries.Keys);
    }
}
