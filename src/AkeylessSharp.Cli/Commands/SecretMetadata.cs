using System.CommandLine;

namespace AkeylessSharp.Cli.Commands;

/// <summary>The <c>--description</c>, <c>--tag</c> and <c>--format</c> of a new static secret.</summary>
internal sealed class SecretMetadata
{
    private readonly Option<string?> _description = new("--description") { Description = "A description, stored as the item's metadata (when the secret is created)." };

    private readonly Option<string[]> _tags = new("--tag") { Description = "A tag; repeat for more (when the secret is created)." };

    private readonly Option<string> _format = new("--format")
    {
        Description = "The value format (when the secret is created).",
        DefaultValueFactory = static _ => "text",
    };

    public SecretMetadata() => _format.AcceptOnlyFromAmong("text", "json", "key-value");

    public void AddTo(Command command)
    {
        command.Add(_description);
        command.Add(_tags);
        command.Add(_format);
    }

    public CreateSecretOptions Read(Infrastructure.CommandContext context) => new()
    {
        Description = context.Get(_description),
        Tags = context.Get(_tags) ?? [],
        Format = context.Get(_format) ?? "text",
    };
}
