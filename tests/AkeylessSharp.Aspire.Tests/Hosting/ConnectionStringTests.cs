using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using AkeylessSharp.Aspire.Hosting;
using AkeylessSharp.Aspire.Hosting.Internal;
using AkeylessSharp.Aspire.Tests.TestSupport;

namespace AkeylessSharp.Aspire.Tests.Hosting;

/// <summary>The connection string an Akeyless resource hands referencing resources, read back by the client's parser.</summary>
public sealed class ConnectionStringTests
{
    private const string KeyWithPadding = "bXkrc2VjcmV0L2tleQ==";

    [Fact]
    public async Task Parameters_ComposeAConnectionStringTheClientParses()
    {
        var builder = DistributedApplication.CreateBuilder();
        builder.Configuration["Parameters:url"] = "https://gw.example.test:8000/api/v2";
        builder.Configuration["Parameters:id"] = "p-abc123";
        builder.Configuration["Parameters:key"] = KeyWithPadding;

        var akeyless = builder.AddAkeyless("akeyless", builder.AddParameter("url"), builder.AddParameter("id"), builder.AddParameter("key", secret: true));
        var connectionString = await akeyless.Resource.ConnectionStringExpression.GetValueAsync(default);

        var options = AkeylessClientOptions.FromConnectionString(connectionString!);
        Assert.Equal("https://gw.example.test:8000/api/v2", options.ApiUrl);
        Assert.Equal("p-abc123", options.AccessId);
        Assert.Equal(AkeylessAccessType.ApiKey, options.AccessType);
        Assert.Equal(KeyWithPadding, options.AccessKey);
    }

    [Theory]
    [InlineData("k3y;ApiUrl=http://127.0.0.1:9/")]
    [InlineData("k3y\"with'quotes")]
    [InlineData(" padded-k3y ")]
    [InlineData("k3y==;=")]
    public async Task Parameters_WithConnectionStringSyntaxInTheirValues_RoundTripUnchanged(string key)
    {
        var builder = DistributedApplication.CreateBuilder();
        builder.Configuration["Parameters:url"] = "https://gw.example.test:8000/api/v2";
        builder.Configuration["Parameters:id"] = "p-abc123";
        builder.Configuration["Parameters:key"] = key;

        var akeyless = builder.AddAkeyless("akeyless", builder.AddParameter("url"), builder.AddParameter("id"), builder.AddParameter("key", secret: true));
        var connectionString = await akeyless.Resource.ConnectionStringExpression.GetValueAsync(default);

        var options = AkeylessClientOptions.FromConnectionString(connectionString!);
        Assert.Equal("https://gw.example.test:8000/api/v2", options.ApiUrl);
        Assert.Equal("p-abc123", options.AccessId);
        Assert.Equal(key, options.AccessKey);
    }

    [Fact]
    public void AddAkeyless_WithoutParameters_DeclaresUrlIdAndSecretKeyParameters()
    {
        var builder = DistributedApplication.CreateBuilder();

        var akeyless = builder.AddAkeyless("vault");

        var parameters = builder.Resources.OfType<ParameterResource>().ToDictionary(p => p.Name);
        Assert.Equal(["vault-access-id", "vault-access-key", "vault-api-url"], parameters.Keys.Order());
        Assert.True(parameters["vault-access-key"].Secret);
        Assert.False(parameters["vault-access-id"].Secret);
        Assert.Same(parameters["vault-api-url"], akeyless.Resource.ApiUrlParameter);
        Assert.False(akeyless.Resource.IsEmulator);
    }

    [Fact]
    public void RunAsEmulator_RemovesTheParametersItCreated_AndKeepsGivenOnes()
    {
        var builder = DistributedApplication.CreateBuilder();
        var mine = builder.AddParameter("mine");

        var akeyless = builder.AddAkeyless("akeyless", accessId: mine).RunAsEmulator();

        Assert.True(akeyless.Resource.IsEmulator);
        Assert.Null(akeyless.Resource.AccessKeyParameter);
        Assert.Equal(["mine"], builder.Resources.OfType<ParameterResource>().Select(p => p.Name));
        Assert.Contains(akeyless.Resource.Annotations, a => a is EmulatorResourceAnnotation);
    }

    [Fact]
    public async Task WithReference_GivesAProjectConnectionStringsEnvironmentVariable()
    {
        var builder = DistributedApplication.CreateBuilder();
        builder.Configuration["Parameters:akeyless-access-id"] = "p-fromparams";
        builder.Configuration["Parameters:akeyless-access-key"] = KeyWithPadding;
        var akeyless = builder.AddAkeyless("akeyless");
        var service = builder.AddExecutable("service", "dotnet", ".").WithReference(akeyless);

        using var app = builder.Build();
        var environment = await EnvironmentOf(service.Resource, app.Services);

        var options = AkeylessClientOptions.FromConnectionString(environment["ConnectionStrings__akeyless"]);
        Assert.Equal(AkeylessResourceBuilderExtensions.DefaultApiUrl, options.ApiUrl);
        Assert.Equal("p-fromparams", options.AccessId);
        Assert.Equal(KeyWithPadding, options.AccessKey);
    }

    [Fact]
    public async Task EmulatorConnectionString_AuthenticatesAndReadsASeededSecret()
    {
        await using var emulator = await EmulatorSeed.StartAsync(("/app/greeting", "hello"));

        using var client = new AkeylessClient(AkeylessClientOptions.FromConnectionString(ResourceStartup.ConnectionStringOf(emulator)));

        Assert.Equal("hello", await client.GetSecretAsync("/app/greeting"));
    }

    [Fact]
    public async Task EmulatorConnection_IsPendingUntilTheEmulatorStarts()
    {
        var builder = DistributedApplication.CreateBuilder();
        var akeyless = builder.AddAkeyless("akeyless").RunAsEmulator();

        var pending = akeyless.Resource.ConnectionStringExpression.GetValueAsync(default).AsTask();
        Assert.False(pending.IsCompleted);

        akeyless.Resource.EmulatorConnection.Set("ApiUrl=http://127.0.0.1:1/;AccessId=p-x;AccessKey=k");
        Assert.Equal("ApiUrl=http://127.0.0.1:1/;AccessId=p-x;AccessKey=k", await pending);
    }

    [Fact]
    public void EmulatorSettings_OutsideRunAsEmulator_AreRefusedWithTheFix()
    {
        var builder = DistributedApplication.CreateBuilder();
        var akeyless = builder.AddAkeyless("akeyless");
        var view = builder.CreateResourceBuilder(new AkeylessEmulatorResource(akeyless.Resource));

        var error = Assert.Throws<InvalidOperationException>(() => view.WithSeed("seed.json"));

        Assert.Contains("RunAsEmulator", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmulatorSettings_ResolveRelativePathsAgainstTheAppHostDirectory()
    {
        var builder = DistributedApplication.CreateBuilder();

        var akeyless = builder.AddAkeyless("akeyless").RunAsEmulator(e => e.WithSeed("seed.json").WithDataFile("data/akeyless.db").WithHttpPort(18321));

        var settings = akeyless.Resource.Annotations.OfType<EmulatorSettingsAnnotation>().Single();
        Assert.Equal(Path.Combine(builder.AppHostDirectory, "seed.json"), settings.SeedPath);
        Assert.Equal(Path.Combine(builder.AppHostDirectory, "data", "akeyless.db"), settings.DataPath);
        Assert.Equal("http://127.0.0.1:18321", settings.ToOptions(Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance).Urls);
    }

    [Fact]
    public async Task Manifest_WritesTheParametersConnectionStringExpression_NeverAValue()
    {
        var builder = DistributedApplication.CreateBuilder();
        builder.Configuration["Parameters:akeyless-access-key"] = KeyWithPadding;
        var akeyless = builder.AddAkeyless("akeyless");
        using var stream = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(stream))
        {
            var context = new global::Aspire.Hosting.Publishing.ManifestPublishingContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish), "manifest.json", writer, CancellationToken.None);
            writer.WriteStartObject();
            var callback = akeyless.Resource.Annotations.OfType<ManifestPublishingCallbackAnnotation>().Single();
            await callback.Callback!(context);
            writer.WriteEndObject();
        }

        var manifest = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        Assert.Contains("\"type\":\"value.v0\"", manifest, StringComparison.Ordinal);
        Assert.Contains("{akeyless-access-key.value}", manifest, StringComparison.Ordinal);
        Assert.DoesNotContain(KeyWithPadding, manifest, StringComparison.Ordinal);
    }

    // Deployment tools substitute {x.value} as it is: like Aspire's own key=value connection strings (SQL Server,
    // PostgreSQL, MySQL write Password={p.value} unquoted), the manifest has no quoting to offer but :uri, which the
    // connection-string parser would not undo. Values are quoted where they are known: when the app host resolves them.
    [Fact]
    public void ManifestExpression_IsTheParametersExpressions_AsAspiresOwnConnectionStringsWriteThem()
    {
        var builder = DistributedApplication.CreateBuilder();

        var akeyless = builder.AddAkeyless("akeyless");

        Assert.Equal(
            "ApiUrl={akeyless-api-url.value};AccessId={akeyless-access-id.value};AccessType=api_key;AccessKey={akeyless-access-key.value}",
            akeyless.Resource.ConnectionStringExpression.ValueExpression);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    public void WithHttpPort_OutOfRange_Throws(int port)
    {
        var builder = DistributedApplication.CreateBuilder();

        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddAkeyless("akeyless").RunAsEmulator(e => e.WithHttpPort(port)));
    }

    private static async Task<Dictionary<string, string>> EnvironmentOf(IResource resource, IServiceProvider services)
    {
        var context = new DistributedApplicationExecutionContext(new DistributedApplicationExecutionContextOptions(DistributedApplicationOperation.Run) { Services = services });
        var result = await ExecutionConfigurationBuilder.Create(resource).WithEnvironmentVariablesConfig().BuildAsync(context, resourceLogger: null, CancellationToken.None);
        Assert.Null(result.Exception);
        return result.EnvironmentVariables.ToDictionary();
    }
}
