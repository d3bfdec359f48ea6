using AkeylessSharp.Http.Internal;
using Microsoft.Extensions.Options;

namespace AkeylessSharp.Settings.Internal;

/// <summary>Runs both validators outside DI (the constructor path) and turns failures into one configuration exception.</summary>
internal static class OptionsChecks
{
    private static readonly IValidateOptions<AkeylessClientOptions>[] s_validators = [new AkeylessClientOptionsValidator(), new AkeylessClientOptionsCrossValidator()];

    public static Uri ThrowIfInvalid(AkeylessClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var validator in s_validators)
        {
            var result = validator.Validate(Microsoft.Extensions.Options.Options.DefaultName, options);
            if (result.Failed)
            {
                failures.AddRange(result.Failures);
            }
        }

        if (failures.Count > 0)
        {
            throw new AkeylessConfigurationException($"Invalid Akeyless client options: {string.Join(" ", failures)}", FirstField(failures));
        }

        ApiUrl.TryNormalize(options.ApiUrl, out var baseUri, out _);
        return baseUri!;
    }

    private static string? FirstField(List<string> failures)
    {
        var first = failures[0];
        var end = first.IndexOfAny([' ', ':', '.']);
        return end > 0 ? first[..end] : null;
    }
}
