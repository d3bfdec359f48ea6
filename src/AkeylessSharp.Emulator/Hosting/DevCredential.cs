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

    public override string ToString() => $"{AccessId} (key redacted)";
}
