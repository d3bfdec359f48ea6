using System.Net;

namespace WebFrontend;

/// <summary>The one HTML page of the sample.</summary>
internal static class StorefrontPage
{
    public static string Render(StorefrontSettings settings) => $$"""
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Storefront</title>
        <style>body { font-family: system-ui, sans-serif; margin: 2rem; } td { padding: .25rem 1rem; } .banner { background: #e8f4ff; padding: .5rem 1rem; }</style>
        </head>
        <body>
        <p class="banner">{{Encode(settings.Banner ?? "(no banner)")}}</p>
        <h1>{{Encode(settings.Greeting)}}</h1>
        <table>
        <tr><td>Greeting</td><td>IAkeylessClient.GetSecretAsync("/storefront/greeting")</td></tr>
        <tr><td>Banner</td><td>BANNER_TEXT, resolved by the app host from akeyless.GetSecret("/storefront/banner")</td></tr>
        <tr><td>New checkout</td><td>{{settings.NewCheckout}} (FeatureFlags:NewCheckout from AddAkeylessSecrets)</td></tr>
        <tr><td>Max cart items</td><td>{{settings.MaxCartItems}}</td></tr>
        <tr><td>Payments API key</td><td>{{(settings.PaymentsKeyLoaded ? "loaded (not shown)" : "missing")}}</td></tr>
        </table>
        </body>
        </html>
        """;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
