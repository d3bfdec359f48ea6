namespace AkeylessSharp;

/// <summary>The kind of an Akeyless item, as <c>describe-item</c> and <c>list-items</c> report it.</summary>
public enum AkeylessItemType
{
    /// <summary>A type this client does not know.</summary>
    Unknown = 0,
    /// <summary>A static secret (<c>STATIC_SECRET</c>).</summary>
    StaticSecret,
    /// <summary>A dynamic secret (<c>DYNAMIC_SECRET</c>).</summary>
    DynamicSecret,
    /// <summary>A rotated secret (<c>ROTATED_SECRET</c>).</summary>
    RotatedSecret,
    /// <summary>A certificate (<c>CERTIFICATE</c>).</summary>
    Certificate,
    /// <summary>An encryption key (DFC or classic).</summary>
    Key,
    /// <summary>An SSH certificate issuer (<c>SSH_CERT_ISSUER</c>).</summary>
    SshCertificateIssuer,
    /// <summary>A PKI certificate issuer (<c>PKI_CERT_ISSUER</c>).</summary>
    PkiCertificateIssuer,
}
