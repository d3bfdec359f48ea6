using AkeylessSharp;

namespace WebFrontend;

/// <summary>What the page shows, and where each value came from.</summary>
/// <param name="Greeting">Read per request through the registered <see cref="IAkeylessClient"/>.</param>
/// <param name="Banner">The <c>BANNER_TEXT</c> environment variable, resolved by the app host from an Akeyless secret reference.</param>
/// <param name="NewCheckout">The <c>FeatureFlags:NewCheckout</c> setting, loaded by the Akeyless configuration provider.</param>
/// <param name="MaxCartItems">The <c>FeatureFlags:MaxCartItems</c> setting, loaded by the configuration provider.</param>
/// <param name="PaymentsKeyLoaded">Whether <c>Payments:ApiKey</c> was loaded; the value itself is never shown.</param>
internal sealed record StorefrontSettings(string Greeting, string? Banner, bool NewCheckout, int MaxCartItems, bool PaymentsKeyLoaded)
{
    public static async Task<StorefrontSettings> ReadAsync(IAkeylessClient akeyless, IConfiguration configuration, CancellationToken cancellationToken) => new(
        await akeyless.GetSecretAsync("/storefront/greeting", cancellationToken: cancellationToken),
        configuration["BANNER_TEXT"],
        configuration.GetValue<bool>("FeatureFlags:NewCheckout"),
        configuration.GetValue<int>("FeatureFlags:MaxCartItems"),
        !string.IsNullOrEmpty(configuration["Payments:ApiKey"]));
}
