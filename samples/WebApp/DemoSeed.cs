using System.Text.Json;

namespace WebApp;

/// <summary>The data the embedded emulator starts with: a database connection, feature flags, a variable and a referenced secret.</summary>
internal static class DemoSeed
{
    public static string Json() => JsonSerializer.Serialize(new
    {
        items = new object[]
        {
            Item("/webapp-connections/orders", "postgresql://shop:demo%3Bpassword@localhost:5432/orders?sslmode=prefer"),
            Item("/webapp/FeatureFlags", """{"NewCheckout": true, "DarkMode": false, "MaxCartItems": 50}"""),
            Item("/webapp/Smtp/Password", "demo-smtp-password"),
            Item("/webapp-variables/support_email", """{"value": "support@example.com"}"""),
            Item("/shared/cache-connection-string", "localhost:6379,password=demo"),
        },
    });

    private static object Item(string name, string value) => new { name, type = "static", value };
}
