namespace AkeylessSharp;

/// <summary>
/// How the client proves its identity to Akeyless. Configuration binds the enum names case-insensitively;
/// <see cref="AkeylessAccessTypeNames"/> also accepts the reference integrations' spellings
/// (<c>api_key</c>, <c>uid</c>, <c>certificate</c>, ...).
/// </summary>
[System.ComponentModel.TypeConverter(typeof(AkeylessSharp.Settings.Internal.AkeylessAccessTypeConverter))]
public enum AkeylessAccessType
{
    /// <summary>Access id and access key (<c>api_key</c>; <c>access_key</c> on the wire). The default.</summary>
    ApiKey = 0,

    /// <summary>A universal identity token (<c>uid</c>; <c>universal_identity</c> on the wire).</summary>
    UniversalIdentity,

    /// <summary>A JWT given directly or read from an environment variable (<c>jwt</c>).</summary>
    Jwt,

    /// <summary>A Kubernetes service-account token checked by a Gateway's k8s auth config (<c>k8s</c>).</summary>
    Kubernetes,

    /// <summary>A client certificate and its private key (<c>certificate</c>; <c>cert</c> on the wire).</summary>
    Certificate,

    /// <summary>The credentials stored by the Akeyless CLI after a SAML login (<c>saml</c>).</summary>
    Saml,

    /// <summary>The workload's AWS IAM identity (<c>aws_iam</c>); needs the AkeylessSharp.CloudId.Aws package.</summary>
    AwsIam,

    /// <summary>The workload's GCP identity (<c>gcp</c>); needs the AkeylessSharp.CloudId.Gcp package.</summary>
    Gcp,

    /// <summary>The workload's Azure AD managed identity (<c>azure_ad</c>); needs the AkeylessSharp.CloudId.Azure package.</summary>
    AzureAd,
}
