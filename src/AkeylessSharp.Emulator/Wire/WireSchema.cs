using System.Collections.Frozen;
using System.Text.Json;

namespace AkeylessSharp.Emulator.Wire;

/// <summary>
/// Each command's request fields and JSON types, as the official Akeyless SDKs' request models declare them: the
/// akeyless npm package 5.0.23 (<c>dist/model/*.js</c>) plus the few spellings only akeyless-go (<c>model_*.go</c>,
/// commit 8754e76) uses (<c>auth</c>: <c>ldap_password</c>, <c>ldap_username</c>, <c>uid_token</c>; <c>list-items</c>: <c>sub_types</c>)
/// and the newer fields of akeyless-python 5.0.33 (<c>list-items</c>: <c>ara-only</c>, sent by default; <c>create-secret</c>:
/// <c>ProviderType</c>, <c>ara-enabled</c>, <c>host-provider</c>, <c>input-rule</c>, <c>output-rule</c>, <c>target</c>; both creates:
/// <c>secure-access-enforce-hosts-restriction</c>).
/// Used only in strict wire mode, where an unknown field or a wrongly typed value is a 400 naming it.
/// Types: <c>s</c> string, <c>b</c> boolean, <c>n</c> number, <c>a</c> array of strings, <c>o</c> object of strings.
/// </summary>
internal static class WireSchema
{
    private static readonly FrozenDictionary<string, CommandFields> Commands = new Dictionary<string, CommandFields>(StringComparer.Ordinal)
    {
        ["auth"] = Fields(
            "Auth",
            "access-id:s access-key:s access-type:s account-id:s admin-email:s admin-password:s " +
            "azure-cloud:s cert-challenge:s cert-data:s cloud-id:s debug:b disable-pafxfast:s gateway-spn:s " +
            "gateway-url:s gcp-audience:s json:b jwt:s k8s-auth-config-name:s k8s-service-account-token:s " +
            "kerberos-token:s kerberos-username:s key-data:s keytab-data:s krb5-conf-data:s ldap-password:s " +
            "oci-auth-type:s oci-group-ocid:a otp:s signed-cert-challenge:s uid-token:s use-remote-browser:b " +
            "username:s ldap_password:s ldap_username:s uid_token:s"),
        ["static-creds-auth"] = Fields("StaticCredsAuth", "access-id:s admin-email:s creds:s json:b"),
        ["get-cert-challenge"] = Fields("GetCertChallenge", "access-id:s cert-data:s json:b"),
        ["get-secret-value"] = Fields("GetSecretValue", "accessibility:s ignore-cache:s json:b names:a pretty-print:b token:s uid-token:s version:n"),
        ["get-dynamic-secret-value"] = Fields("GetDynamicSecretValue", "args:a dbname:s host:s json:b name:s target:s timeout:n token:s uid-token:s"),
        // args: in no SDK's model (Python, C#, JavaScript, Go); clearskies passes args= to the Python model, which has no
        // such parameter, and whether the service ignores it is unverified (docs/parity.md, section 4). Accepted because
        // AkeylessSharp sends it when the caller gives arguments (RotatedSecretRequestOptions.Arguments).
        ["get-rotated-secret-value"] = Fields("GetRotatedSecretValue", "args:a host:s ignore-cache:s json:b names:s token:s uid-token:s version:n"),
        ["rotate-secret"] = Fields("RotateSecret", "RotateAllServicesBoolean:b json:b name:s rotate-all-services:s token:s uid-token:s"),
        ["gateway-rotate-secret"] = Fields("RotateSecret", "RotateAllServicesBoolean:b json:b name:s rotate-all-services:s token:s uid-token:s"),
        ["describe-item"] = Fields(
            "DescribeItem",
            "accessibility:s bastion-details:b der-certificate-format:b display-id:s gateway-details:b " +
            "item-custom-fields-details:b item-id:n json:b name:s services-details:b show-versions:b token:s " +
            "uid-token:s"),
        ["list-items"] = Fields(
            "ListItems",
            "accessibility:s advanced-filter:s ara-only:b auto-pagination:s current-folder:b filter:s json:b " +
            "minimal-view:b modified-after:n pagination-token:s path:s sra-only:b sub-types:a tag:s token:s " +
            "type:a uid-token:s sub_types:a"),
        ["create-secret"] = Fields(
            "CreateSecret",
            "accessibility:s change-event:s custom-field:o delete_protection:s description:s format:s " +
            "inject-url:a item-custom-fields:o json:b lock-during-sra-session:s max-versions:s metadata:s " +
            "multiline_value:b name:s password:s protection_key:s secure-access-bastion-issuer:s " +
            "secure-access-certificate-issuer:s secure-access-enable:s secure-access-gateway:s " +
            "secure-access-host:a secure-access-rdp-user:s secure-access-ssh-creds:s " +
            "secure-access-ssh-user:s secure-access-url:s secure-access-web-browsing:b " +
            "secure-access-web-proxy:b tags:a token:s type:s uid-token:s username:s value:s " +
            "ProviderType:s ara-enabled:b host-provider:s input-rule:a output-rule:a secure-access-enforce-hosts-restriction:b target:a"),
        ["update-secret-val"] = Fields(
            "UpdateSecretVal",
            "accessibility:s custom-field:o format:s inject-url:a json:b keep-prev-version:s key:s " +
            "last-version:n multiline:b name:s new-version:b password:s token:s uid-token:s username:s " +
            "value:s"),
        ["delete-item"] = Fields(
            "DeleteItem",
            "accessibility:s delete-immediately:b delete-in-days:n json:b name:s token:s uid-token:s " +
            "version:n"),
        ["create-dynamic-secret"] = Fields("CreateDynamicSecret", "delete_protection:s description:s json:b key:s metadata:s name:s tags:a token:s uid-token:s"),
        ["create-rotated-secret"] = Fields(
            "CreateRotatedSecret",
            "ProviderType:s api-id:s api-key:s application-id:s authentication-credentials:s auto-rotate:s " +
            "aws-region:s custom-payload:s delete_protection:s description:s gcp-key:s " +
            "gcp-service-account-email:s gcp-service-account-key-id:s grace-rotation:s host-provider:s " +
            "json:b key:s lock-during-sra-session:s metadata:s name:s password-length:s " +
            "rotate-after-disconnect:s rotated-password:s rotated-username:s rotation-hour:n " +
            "rotation-interval:s rotator-creds-type:s rotator-custom-cmd:s rotator-type:s same-password:s " +
            "secure-access-allow-external-user:b secure-access-aws-account-id:s " +
            "secure-access-aws-native-cli:b secure-access-bastion-issuer:s " +
            "secure-access-certificate-issuer:s secure-access-db-name:s secure-access-db-schema:s " +
            "secure-access-disable-concurrent-connections:b secure-access-enable:s secure-access-host:a " +
            "secure-access-rdp-domain:s secure-access-rdp-user:s secure-access-url:s secure-access-web:b " +
            "secure-access-web-browsing:b secure-access-web-proxy:b ssh-password:s ssh-username:s " +
            "storage-account-key-name:s tags:a target:a target-name:s token:s uid-token:s user-attribute:s " +
            "user-dn:s secure-access-enforce-hosts-restriction:b"),
        ["uid-generate-token"] = Fields("UidGenerateToken", "auth-method-name:s json:b token:s uid-token:s"),
        ["uid-rotate-token"] = Fields("UidRotateToken", "fork:b json:b send-manual-ack-token:s uid-token:s with-manual-ack:b"),
        ["describe-permissions"] = Fields("DescribePermissions", "json:b path:s token:s type:s uid-token:s"),
        ["get-ssh-certificate"] = Fields(
            "GetSSHCertificate",
            "cert-issuer-name:s cert-username:s json:b legacy-signing-alg-name:b public-key-data:s token:s " +
            "ttl:n uid-token:s"),    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Throws 400 for the first field of <paramref name="body"/> that <paramref name="command"/>'s SDK model lacks or types differently.</summary>
    public static void Validate(string command, RequestBody body)
    {
        if (!Commands.TryGetValue(command, out var fields))
        {
            return;
        }

        foreach (var property in body.Properties)
        {
            if (!fields.Types.TryGetValue(property.Name, out var expected))
            {
                throw Errors.BadRequest(
                    $"unknown parameter {property.Name} for {command} (strict wire mode: the official SDK's {fields.Model} request has no such field)");
            }

            if (property.Value.ValueKind != JsonValueKind.Null && !Matches(expected, property.Value))
            {
                throw Errors.BadRequest(
                    $"invalid type for parameter {property.Name}: expected {Describe(expected)}, got {property.Value.ValueKind.ToString().ToLowerInvariant()} (strict wire mode, as the official SDK's {fields.Model} request declares it)");
            }
        }
    }

    private static bool Matches(char type, JsonElement value) => type switch
    {
        's' => value.ValueKind == JsonValueKind.String,
        'b' => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        'n' => value.ValueKind == JsonValueKind.Number,
        'a' => value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String),
        'o' => value.ValueKind == JsonValueKind.Object && value.EnumerateObject().All(p => p.Value.ValueKind == JsonValueKind.String),
        _ => false,
    };

    private static string Describe(char type) => type switch
    {
        's' => "a JSON string",
        'b' => "a JSON boolean",
        'n' => "a JSON number",
        'a' => "a JSON array of strings",
        _ => "a JSON object of strings",
    };

    private static CommandFields Fields(string model, string fields) => new(
        model,
        fields.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.Split(':'))
            .ToFrozenDictionary(p => p[0], p => p[1][0], StringComparer.Ordinal));

    private sealed record CommandFields(string Model, FrozenDictionary<string, char> Types);
}
