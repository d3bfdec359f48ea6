using AkeylessSharp.Emulator.Seed;

namespace AkeylessSharp.Emulator.Auth;

/// <summary>The authenticated identity behind a command's <c>token</c> or <c>uid-token</c>.</summary>
internal sealed record Caller(AuthMethodSeed Method, string Token);
