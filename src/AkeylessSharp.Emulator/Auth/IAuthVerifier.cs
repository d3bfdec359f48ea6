using AkeylessSharp.Emulator.Hosting;
using AkeylessSharp.Emulator.Seed;
using AkeylessSharp.Emulator.Wire;

namespace AkeylessSharp.Emulator.Auth;

/// <summary>Verifies the proof of one access type and returns the auth method it authenticates.</summary>
internal interface IAuthVerifier
{
    string AccessType { get; }

    AuthMethodSeed Verify(AuthRequest request);
}

/// <summary>An <c>auth</c> call: the body plus helpers shared by the verifiers.</summary>
internal sealed class AuthRequest
{
    public AuthRequest(RequestBody body, EmulatorState state)
    {
        Body = body;
        State = state;
    }

    public RequestBody Body { get; }

    public EmulatorState State { get; }

    public DateTimeOffset Now => State.Now;

    /// <summary>Looks up <c>access-id</c> and checks the method is of <paramref name="accessType"/>; 401 otherwise.</summary>
    public AuthMethodSeed RequireMethod(string accessType)
    {
        var accessId = Body.RequiredString("access-id");
        var method = State.Directory.FindByAccessId(accessId) ?? throw Errors.AuthFailed($"unknown access id {accessId}");
        return string.Equals(method.Type, accessType, StringComparison.Ordinal)
            ? method
            : throw Errors.AuthFailed($"access id {accessId} is a {method.Type} auth method, not {accessType}");
    }

    /// <summary>Decodes standard or URL-safe base64, 400 naming the field when it is not base64.</summary>
    public static byte[] DecodeBase64(string value, string field)
    {
        var s = value.Trim().Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        try
        {
            return Convert.FromBase64String(s);
        }
        catch (FormatException)
        {
            throw Errors.BadRequest($"invalid value for parameter {field}: not base64");
        }
    }
}
