using AkeylessSharp.Emulator.Auth;
using AkeylessSharp.Emulator.Storage;
using AkeylessSharp.Emulator.Wire;

namespace AkeylessSharp.Emulator.Commands;

/// <summary>Finding items for a command: permission first (so a 403 never reveals existence), then 404.</summary>
internal static class ItemLookup
{
    public static StoredItem Require(CommandContext context, string requestedName, string capability, string? expectedType = null)
    {
        var name = ItemPath.Normalize(requestedName);
        context.Demand(capability, name);
        var item = context.State.Items.Get(name) ?? throw Errors.ItemNotFound(name);
        if (expectedType is not null && !string.Equals(item.Type, expectedType, StringComparison.Ordinal))
        {
            throw Errors.NotOfType(name, item.Type, expectedType);
        }

        return item;
    }
}
