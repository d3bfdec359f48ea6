using System.Data.Common;
using System.Text;
using Aspire.Hosting.ApplicationModel;

namespace AkeylessSharp.Aspire.Hosting.Internal;

/// <summary>
/// A parameter's value as one value of a <c>Key=Value;...</c> connection string: quoted when it holds a <c>;</c>, a
/// quote or surrounding spaces, so it can neither break the string nor add keys to it (an access key holding
/// <c>;ApiUrl=...</c> must not send itself elsewhere). The manifest keeps the parameter's own expression.
/// </summary>
internal sealed class ConnectionStringValue(ParameterResource parameter) : IValueProvider, IManifestExpressionProvider, IValueWithReferences
{
    public string ValueExpression => parameter.ValueExpression;

    public IEnumerable<object> References => [parameter];

    public async ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) =>
        await parameter.GetValueAsync(cancellationToken).ConfigureAwait(false) is { } value ? Quote(value) : null;

    public override string ToString() => $"Connection string value of parameter '{parameter.Name}'";

    private static string Quote(string value)
    {
        var pair = new StringBuilder();
        DbConnectionStringBuilder.AppendKeyValuePair(pair, "k", value);
        return pair.ToString(2, pair.Length - 2);
    }
}
