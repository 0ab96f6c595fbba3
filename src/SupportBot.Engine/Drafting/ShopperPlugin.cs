using System.ComponentModel;
using System.Text.Json.Serialization;
using Microsoft.SemanticKernel;

namespace SupportBot.Drafting;

/// <summary>
/// What the bot knows about the shopper in this conversation, as a function, so a model reads it as data (a tool
/// result) and never as part of its instructions: a name is typed by the shopper and could say anything.
/// </summary>
internal sealed class ShopperPlugin
{
    public const string PluginName = "shopper";
    public const string ProfileFunction = "profile";

    /// <summary>The key under which a turn's <see cref="ShopperProfile"/> travels in <see cref="Kernel.Data"/>.</summary>
    public const string DataKey = "SupportBot.Shopper";

    [KernelFunction(ProfileFunction)]
    [Description("Returns what is known about the shopper in this conversation, such as their first name.")]
    public static ShopperProfile Profile(Kernel kernel) =>
        kernel.Data.TryGetValue(DataKey, out var value) && value is ShopperProfile profile ? profile : ShopperProfile.Anonymous;
}

/// <summary>The shopper as far as the bot knows them.</summary>
/// <remarks>A tool result, named here because Semantic Kernel writes it for the model with no naming policy.</remarks>
internal sealed record ShopperProfile([property: JsonPropertyName("first_name")] string? FirstName)
{
    public static readonly ShopperProfile Anonymous = new((string?)null);

    /// <summary>
    /// The first name from a channel's display name ("Ana Lima" → "Ana"); generic names channels send for
    /// anonymous users ("User", "You", an id) give none.
    /// </summary>
    public static ShopperProfile FromDisplayName(string? name)
    {
        var first = name?.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var plausible = first is { Length: >= 2 and <= 30 } && char.IsLetter(first[0]) && first.All(c => char.IsLetter(c) || c is '-' or '\'')
            && !GenericNames.Contains(first);
        return plausible ? new ShopperProfile(char.ToUpperInvariant(first![0]) + first[1..]) : Anonymous;
    }

    private static readonly HashSet<string> GenericNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "user", "you", "me", "guest", "visitor", "customer", "shopper", "anonymous", "unknown", "default", "test",
    };
}
