namespace AkeylessSharp.CloudId.Tests.TestSupport;

/// <summary>Sets environment variables for one test and restores them after; tests using it run in <see cref="EnvironmentCollection"/>.</summary>
internal sealed class EnvironmentScope : IDisposable
{
    private readonly Dictionary<string, string?> _saved = [];

    /// <summary>Every variable the AWS default chain reads, cleared so only what a test sets is seen.</summary>
    public static readonly string[] AwsVariables =
    [
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_ACCESS_KEY", "AWS_SECRET_KEY",
        "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE",
        "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN", "AWS_ROLE_SESSION_NAME",
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_AUTHORIZATION_TOKEN",
        "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
    ];

    private static readonly string s_awsDirectory = CreateAwsDirectory();

    /// <summary>The keys of the <c>ci</c> profile in <see cref="AwsCredentialsFile"/>.</summary>
    public const string CiProfileAccessKeyId = "AKIACIPROFILEEXAMPLE";

    /// <summary>The secret of the <c>ci</c> profile in <see cref="AwsCredentialsFile"/>.</summary>
    public const string CiProfileSecretAccessKey = "ci/profile/secret/EXAMPLEKEY";

    /// <summary>The shared credentials file every AWS test points the SDK at: only a <c>ci</c> profile, no <c>default</c>.</summary>
    public static string AwsCredentialsFile { get; } = WriteFile("credentials", $"[ci]\naws_access_key_id = {CiProfileAccessKeyId}\naws_secret_access_key = {CiProfileSecretAccessKey}\n");

    /// <summary>The shared config file every AWS test points the SDK at; empty.</summary>
    public static string AwsConfigFile { get; } = WriteFile("config", "");

    private static string CreateAwsDirectory()
    {
        var path = Directory.CreateTempSubdirectory("akeyless-cloudid-tests-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(path, recursive: true);
        return path;
    }

    private static string WriteFile(string name, string content)
    {
        var path = Path.Combine(s_awsDirectory, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>An AWS environment with nothing in it: no keys, no profile files, no container or instance credentials.</summary>
    public static EnvironmentScope EmptyAws()
    {
        var scope = new EnvironmentScope();
        foreach (var name in AwsVariables)
        {
            scope.Set(name, null);
        }

        // The SDK caches these files per process and notices edits only asynchronously, so every test sees the same
        // fixed files: no 'default' profile (nothing is found unless AWS_PROFILE names one) and the 'ci' profile.
        scope.Set("AWS_SHARED_CREDENTIALS_FILE", AwsCredentialsFile);
        scope.Set("AWS_CONFIG_FILE", AwsConfigFile);
        scope.Set("AWS_EC2_METADATA_DISABLED", "true");
        return scope;
    }

    public EnvironmentScope Set(string name, string? value)
    {
        if (!_saved.ContainsKey(name))
        {
            _saved[name] = Environment.GetEnvironmentVariable(name);
        }

        Environment.SetEnvironmentVariable(name, value);
        return this;
    }

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}

/// <summary>Tests that change process-wide environment variables; never run in parallel with each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "Process environment";
}
