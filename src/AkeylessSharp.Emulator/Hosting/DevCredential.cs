using AkeylessSharp.Emulator.Auth;
using AkeylessSharp.Emulator.Seed;

namespace AkeylessSharp.Emulator.Hosting;

/// <summary>The well-known development credential (like Azurite's key): an access_key method with full rights on <c>/*</c>.</summary>
internal sealed record DevCredential(string AccessId, string AccessKey, bool IsDefaultKey)
{
    public static DevCredential Register(EmulatorState state, AkeylessEmulatorOptions options)
    {
        var accessId = options.AccessId ?? Environment.GetEnvironmentVariable("AKEYLESS_EMULATOR_ACCESS_ID") ?? AccessIds.DefaultAccessId;
        var accessKey = options.AccessKey ?? Environment.GetEnvironmentVariable("AKEYLESS_EMULATOR_ACCESS_KEY") ?? AccessIds.DefaultAccessKey;
        // auth refuses an empty access-id or access-key as missing: such a credential could never log in.
        RequireValue(accessId, nameof(AkeylessEmulatorOptions.AccessId), "AKEYLESS_EMULATOR_ACCESS_ID");
        RequireValue(accessKey, nameof(AkeylessEmulatorOptions.AccessKey), "AKEYLESS_EMULATOR_ACCESS_KEY");
        state.Directory.Add(new AuthMethodSeed
        {
            Name = AccessIds.DefaultMethodName,
            AccessId = accessId,
            Type = "access_key",
            AccessKey = accessKey,
        });
        state.Directory.Add(new RoleSeed
        {
            Name = AccessIds.DefaultRoleName,
            AuthMethods = [AccessIds.DefaultMethodName],
            Rules =
            [
                new RuleSeed { Path = "/*", Capabilities = [.. Authorizer.AllCapabilities], Type = "item" },
                new RuleSeed { Path = "/*", Capabilities = [.. Authorizer.AllCapabilities], Type = "am" },
                new RuleSeed { Path = "/*", Capabilities = [.. Authorizer.AllCapabilities], Type = "role" },
                new RuleSeed { Path = "/*", Capabilities = [.. Authorizer.AllCapabilities], Type = "target" },
            ],
        });
        return new DevCredential(accessId, accessKey, string.Equals(accessKey, AccessIds.DefaultAccessKey, StringComparison.Ordinal));
    }

    private static void RequireValue(string value, string option, string variable)
    {
        if (value.Length == 0)
        {
            throw new InvalidOperationException(
                $"The development credential's {option} is empty: set {nameof(AkeylessEmulatorOptions)}.{option} (or {variable}) to a value, or leave both unset for the default.");
        }
    }

    public override string ToString() => $"{AccessId} (key redacted)";
}
