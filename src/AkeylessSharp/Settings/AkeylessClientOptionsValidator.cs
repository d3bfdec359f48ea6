using Microsoft.Extensions.Options;

namespace AkeylessSharp.Settings;

/// <summary>The source-generated check of the data-annotation rules on <see cref="AkeylessClientOptions"/> (formats and ranges).</summary>
[OptionsValidator]
internal sealed partial class AkeylessClientOptionsValidator : IValidateOptions<AkeylessClientOptions>;
