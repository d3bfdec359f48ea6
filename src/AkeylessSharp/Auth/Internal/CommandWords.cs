using System.Text;

namespace AkeylessSharp.Auth.Internal;

/// <summary>
/// Splits <see cref="AkeylessClientOptions.SamlLoginCommand"/> into a program and its arguments without a shell: words
/// are separated by white space, and double quotes keep one together (<c>"C:\Program Files\Akeyless\akeyless.exe" list-items</c>).
/// <c>{profile}</c> is replaced inside a word after the split, so a profile name never becomes two arguments.
/// </summary>
internal static class CommandWords
{
    public static List<string> Split(string command, string profile)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        var quoted = false;
        foreach (var c in command)
        {
            if (c == '"')
            {
                quoted = !quoted;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                Flush();
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (quoted)
        {
            throw new AkeylessConfigurationException(
                "SamlLoginCommand has a double quote that is never closed; quote a program path holding spaces as \"/path/with spaces/akeyless\".",
                nameof(AkeylessClientOptions.SamlLoginCommand));
        }

        Flush();
        return words;

        void Flush()
        {
            if (inWord)
            {
                words.Add(word.ToString().Replace("{profile}", profile, StringComparison.Ordinal));
                word.Clear();
                inWord = false;
            }
        }
    }
}
