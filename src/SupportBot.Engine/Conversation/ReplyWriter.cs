using SupportBot.Knowledge;

namespace SupportBot.Conversation;

/// <summary>
/// The bot's wording, in one place: welcome, small talk, answers with their source, and the honest "I can't"
/// replies. Store facts (support email, hours) come from policies.yml so they match the FAQ.
/// Answers themselves are drafted (see <see cref="Drafting.ReplyDrafter"/>); these replies are fixed on purpose, so
/// what the bot promises about itself never depends on a model.
/// </summary>
internal static class ReplyWriter
{
    /// <summary>The welcome's buttons: what each says, and what it sends (an FAQ title is answered from that entry directly).</summary>
    public static readonly IReadOnlyList<(string Title, string Sends)> Topics =
    [
        ("Where is my order?", "Where is my order?"),
        ("How do I return something?", "How do I return an item?"),
        ("Shipping options", "What shipping options do you offer?"),
        ("Payment methods", "What payment methods do you accept?"),
    ];

    public static string Welcome(StorePolicies policies, ReplyPrompt prompt) =>
        $"Hi! I'm {prompt.Persona}, the virtual assistant of {Store(policies)}. I'm a bot, not a person: I can answer questions "
        + "about orders and delivery, returns and refunds, payments and promotions, your account, and our products. "
        + "What can I help you with?";

    public static string SmallTalk(string intent, StorePolicies policies) => intent switch
    {
        "greeting" => "Hello! What can I help you with today?",
        "thanks" => "You're welcome! Is there anything else I can help with?",
        "goodbye" => "Thanks for stopping by. Have a lovely day!",
        "bot_challenge" => $"I'm a virtual assistant for {Store(policies)}, not a person. If you'd rather talk to our team, just say so.",
        "affirm" => "Great! What would you like to know?",
        "deny" => "No problem. Is there something else I can help with?",
        _ => "How can I help?",
    };

    public static string Resume(string question) => $"Now, back to where we were: {question}";

    public static string NotUnderstoodInFlow(string question) => $"Sorry, I didn't catch that. {question} (Say \"never mind\" to do something else.)";

    public static string DidYouMean() => "I want to be sure I answer the right question. Did you mean one of these?";

    public static string NotUnderstood() =>
        "Sorry, I'm not sure I understood. Could you say it another way? You can also pick one of these topics.";

    public static string OutOfScope(StorePolicies policies) =>
        $"I'm the virtual assistant of {Store(policies)}, so I can only help with our orders, deliveries, returns, payments, "
        + "accounts and products. Is there something about those I can do for you?";

    public static string EmptyMessage() => "I can only read text messages for now. Could you type your question?";

    public static string ReadOnlyTheStart() =>
        "(Your message was long, so I read only its beginning. If I missed something, please send it in a shorter message.)";

    private static string Store(StorePolicies policies) => policies.GetText("store.name") ?? "this store";
}
