using System.Text.Json;

namespace AkeylessSharp.Aspire.Tests.Client;

/// <summary>The appsettings completion schema shipped in the package stays in step with the settings class.</summary>
public sealed class ConfigurationSchemaTests
{
    [Fact]
    public void Schema_DescribesEverySettingOfTheClientSection()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ConfigurationSchema.json")));
        var client = schema.RootElement
            .GetProperty("properties").GetProperty("Aspire")
            .GetProperty("properties").GetProperty("Akeyless")
            .GetProperty("properties").GetProperty("Client")
            .GetProperty("properties");

        var described = client.EnumerateObject().Select(p => p.Name).ToHashSet();
        var settings = typeof(AkeylessClientSettings).GetProperties().Select(p => p.Name);

        Assert.Empty(settings.Except(described));
        Assert.Contains("ClientOptions", described);
    }
}
