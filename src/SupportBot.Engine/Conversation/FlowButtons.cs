using SupportBot.Knowledge.Responses;
using SupportBot.Orders;
using SupportBot.Replies;

namespace SupportBot.Conversation;

/// <summary>
/// The bot's own buttons that start an order flow or reach a person, with their labels from the editors' catalogues.
/// Pressing one sends its label; the label (in any locale the catalogue has) starts the flow without the intent model,
/// so a reworded label keeps working.
/// </summary>
internal sealed class FlowButtons(ResponseCatalog catalog, ReplyLanguage? language = null)
{
    /// <summary>The pseudo-flow of "Talk to a person".</summary>
    public const string Handoff = "handoff";

    private static readonly IReadOnlyDictionary<string, string> NoValues = new Dictionary<string, string>();

    // The first button of each flow is the one the bot offers; the rest are the order flows' own buttons that lead there too.
    private static readonly (string Catalogue, string Key, string Flow)[] Buttons =
    [
        (ConversationTexts.Catalogue, "button.check_order", OrderFlow.Status),
        (OrderTexts.Catalogue, "button.start_return", OrderFlow.Return),
        (OrderTexts.Catalogue, "button.exchange", OrderFlow.Exchange),
        (ConversationTexts.Catalogue, "button.check_return", OrderFlow.ReturnStatus),
        (ConversationTexts.Catalogue, "button.cancel_order", OrderFlow.Cancel),
        (ConversationTexts.Catalogue, "button.change_address", OrderFlow.ChangeAddress),
        (OrderTexts.Catalogue, "button.talk_to_person", Handoff),
        (OrderTexts.Catalogue, "button.where_is_refund", OrderFlow.ReturnStatus),
        (OrderTexts.Catalogue, "button.cancel_this_order", OrderFlow.Cancel),
        (OrderTexts.Catalogue, "button.change_address", OrderFlow.ChangeAddress),
    ];

    /// <summary>The label of the button the bot offers for <paramref name="flow"/>.</summary>
    public string LabelOf(string flow)
    {
        var (catalogue, key, _) = Buttons.First(b => b.Flow == flow);
        return catalog.Say(catalogue, key, NoValues, language?.Code);
    }

    /// <summary>The flow (or <see cref="Handoff"/>) whose button the shopper pressed, if the text is one of their labels.</summary>
    public string? Pressed(string text)
    {
        var label = Trimmed(text);
        foreach (var (catalogue, key, flow) in Buttons)
        {
            foreach (var locale in catalog.LocalesOf(catalogue))
            {
                if (catalog.Find(catalogue, key, locale) is { } template
                    && string.Equals(Trimmed(template.Render(NoValues)), label, StringComparison.OrdinalIgnoreCase))
                {
                    return flow;
                }
            }
        }

        return null;
    }

    private static string Trimmed(string text) => text.Trim().TrimEnd('.', '!', '?');
}
