namespace AkeylessSharp.Emulator.Wire;

internal sealed record AuthOutput(string Token, string Expiration, AuthCreds Creds);

internal sealed record AuthCreds(string AccessId, string Token, long Expiry);

internal sealed record TokenOutput(string Token);

internal sealed record NameOutput(string Name);

internal sealed record ChallengeOutput(string Challenge);

internal sealed record ErrorOutput(string Error);

internal sealed record DescribePermissionsOutput(IReadOnlyList<string> ClientPermissions);

internal sealed record SshCertificateOutput(string Data);

internal sealed record RotatedValueOutput(IReadOnlyDictionary<string, string> Value);

internal sealed record EmptyOutput;

internal sealed record HealthOutput(string Status);

internal sealed record TokenCountOutput(int Tokens);
