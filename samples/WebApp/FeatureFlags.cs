namespace WebApp;

/// <summary>Feature flags bound from the <c>FeatureFlags</c> section (the JSON secret <c>/webapp/FeatureFlags</c>, flattened).</summary>
public sealed class FeatureFlags
{
    public bool NewCheckout { get; set; }

    public bool DarkMode { get; set; }

    public int MaxCartItems { get; set; }
}
