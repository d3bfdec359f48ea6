namespace AkeylessSharp.Secrets.Internal;

/// <summary>
/// The options <see cref="AkeylessClient.GetAsync"/> hands to the read of the kind it detected: every field the caller
/// gave that has a meaning for that kind, whichever options type carried it (arguments given as
/// <see cref="RotatedSecretRequestOptions"/> reach a dynamic secret's producer, and the other way round). Fields of the
/// other kind alone (a rotated secret's <c>Host</c>, a producer's <c>Target</c>) have no meaning there and are left out.
/// </summary>
internal static class DetectedKindOptions
{
    public static DynamicSecretRequestOptions? ForDynamic(SecretRequestOptions? options) => options switch
    {
        null => null,
        DynamicSecretRequestOptions dynamic => dynamic,
        _ => new DynamicSecretRequestOptions
        {
            Arguments = (options as RotatedSecretRequestOptions)?.Arguments ?? new Dictionary<string, string>(),
            Version = options.Version,
            Refresh = options.Refresh,
            IgnoreGatewayCache = options.IgnoreGatewayCache,
            JsonAttribute = options.JsonAttribute,
            Timeout = options.Timeout,
        },
    };

    public static SecretRequestOptions? ForRotated(SecretRequestOptions? options) => options is DynamicSecretRequestOptions dynamic
        ? new RotatedSecretRequestOptions
        {
            Arguments = dynamic.Arguments,
            Version = dynamic.Version,
            Refresh = dynamic.Refresh,
            IgnoreGatewayCache = dynamic.IgnoreGatewayCache,
            JsonAttribute = dynamic.JsonAttribute,
            Timeout = dynamic.Timeout,
        }
        : options;
}
