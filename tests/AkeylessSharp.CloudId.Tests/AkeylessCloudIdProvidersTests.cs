namespace AkeylessSharp.CloudId.Tests;

public class AkeylessCloudIdProvidersTests
{
    [Fact]
    public void Create_Default_OneProviderPerCloud()
    {
        var providers = AkeylessCloudIdProviders.Create();

        Assert.Equal(
            [AkeylessAccessType.AwsIam, AkeylessAccessType.Gcp, AkeylessAccessType.AzureAd],
            providers.Select(p => p.AccessType).Order());
        foreach (var disposable in providers.OfType<IDisposable>())
        {
            disposable.Dispose();
        }
    }
}
