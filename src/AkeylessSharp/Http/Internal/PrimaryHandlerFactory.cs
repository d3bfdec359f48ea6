using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace AkeylessSharp.Http.Internal;

/// <summary>
/// Builds the socket handler. Clients with default TLS settings share one process-wide handler (one connection pool);
/// a Gateway CA bundle or custom validation gets a handler of its own.
/// </summary>
internal static class PrimaryHandlerFactory
{
    private static readonly Lazy<SocketsHttpHandler> s_shared = new(() => Create(null), LazyThreadSafetyMode.ExecutionAndPublication);

    public static bool NeedsOwnHandler(AkeylessClientOptions options) =>
        options.GatewayCaBundlePath is not null || options.ServerCertificateValidation is not null;

    /// <summary>Gets the shared handler, or a new one when <paramref name="options"/> customise TLS.</summary>
    public static SocketsHttpHandler Get(AkeylessClientOptions options) => NeedsOwnHandler(options) ? Create(options) : s_shared.Value;

    public static SocketsHttpHandler Create(AkeylessClientOptions? options)
    {
        var handler = new SocketsHttpHandler
        {
            // Long-lived clients still follow DNS changes.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            // gzip alone: what servers and proxies use for JSON; each further method is one more Accept-Encoding
            // value built, sent and parsed on every request (measured in bench/README.md).
            AutomaticDecompression = System.Net.DecompressionMethods.GZip,
            // A redirect would carry the request body (credential or token) to whatever origin it names; a 3xx
            // becomes AkeylessEndpointException instead.
            AllowAutoRedirect = false,

            // The API authenticates by token in the body; a cookie set by a proxy or load balancer would otherwise be
            // kept in this handler's container and sent with every later request of every client sharing it.
            UseCookies = false,
        };

        var validation = options is null ? null : CreateValidation(options);
        if (validation is not null)
        {
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                    validation(certificate as X509Certificate2, chain, errors),
            };
        }

        return handler;
    }

    private static Func<X509Certificate2?, X509Chain?, SslPolicyErrors, bool>? CreateValidation(AkeylessClientOptions options)
    {
        if (options.ServerCertificateValidation is { } custom)
        {
            return (certificate, chain, errors) => custom(certificate, chain, errors);
        }

        if (options.GatewayCaBundlePath is not { } path)
        {
            return null;
        }

        var bundle = new X509Certificate2Collection();
        try
        {
            bundle.ImportFromPemFile(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new AkeylessConfigurationException($"GatewayCaBundlePath {Errors.Internal.Quote.Of(path)} could not be read as a PEM bundle of CA certificates: {ex.Message}", nameof(AkeylessClientOptions.GatewayCaBundlePath), ex);
        }

        return (certificate, presented, errors) => errors == SslPolicyErrors.None || (certificate is not null && errors == SslPolicyErrors.RemoteCertificateChainErrors && ChainsTo(certificate, presented, bundle));
    }

    private static bool ChainsTo(X509Certificate2 certificate, X509Chain? presented, X509Certificate2Collection bundle)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(bundle);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;

        // The intermediates the Gateway sent with its certificate (the TLS stack puts them in the presented chain's extra
        // store): a CA bundle usually holds the root alone, and without them no chain reaches it. Only the bundle is trusted.
        if (presented is not null)
        {
            chain.ChainPolicy.ExtraStore.AddRange(presented.ChainPolicy.ExtraStore);
        }

        return chain.Build(certificate);
    }
}
