using System.Text;
using AkeylessSharp.Http.Contracts;
using AkeylessSharp.Http.Internal;

namespace AkeylessSharp.Auth.Internal;

/// <summary>
/// <c>k8s</c>: the service-account token (from the options, or re-read from its file each time so projected-token
/// rotation is honoured), base64-encoded as the API expects, with the auth config name and the Gateway URL.
/// </summary>
internal sealed class KubernetesAuthenticator(AuthContext context) : IAkeylessAuthenticator
{
    public async ValueTask<AkeylessToken> AuthenticateAsync(CancellationToken cancellationToken)
    {
        var options = context.Options;
        var token = await ReadTokenAsync(options, cancellationToken).ConfigureAwait(false);
        var request = new AuthRequest
        {
            AccessType = "k8s",
            AccessId = options.AccessId,
            K8sAuthConfigName = options.K8sAuthConfigName,
            K8sServiceAccountToken = Convert.ToBase64String(Encoding.UTF8.GetBytes(token)),
            GatewayUrl = options.GatewayUrl ?? ApiUrl.GatewayRoot(context.Transport.BaseUri),
        };
        return await context.AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static async ValueTask<string> ReadTokenAsync(AkeylessClientOptions options, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(options.K8sServiceAccountToken))
        {
            return options.K8sServiceAccountToken.Trim();
        }

        var path = options.K8sServiceAccountTokenPath;
        try
        {
            var text = (await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)).Trim();
            return text.Length > 0 ? text : throw new AkeylessConfigurationException(
                $"The Kubernetes service-account token file {Errors.Internal.Quote.Of(path)} is empty. Check the pod's service-account token mount, or set K8sServiceAccountToken.",
                nameof(AkeylessClientOptions.K8sServiceAccountTokenPath));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AkeylessConfigurationException(
                $"The Kubernetes service-account token could not be read from {Errors.Internal.Quote.Of(path)} ({ex.GetType().Name}). Run inside a pod with a mounted service-account token, or set K8sServiceAccountToken / K8sServiceAccountTokenPath.",
                nameof(AkeylessClientOptions.K8sServiceAccountTokenPath), ex);
        }
    }
}
