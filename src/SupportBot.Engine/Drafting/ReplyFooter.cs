using SupportBot.Knowledge;
using SupportBot.Knowledge.Responses;

namespace SupportBot.Drafting;

/// <summary>How every drafted answer ends, whoever drafted it: where it comes from, then the editors' sign-off.</summary>
internal static class ReplyFooter
{
    public static string Append(string body, IEnumerable<KnowledgePassage> sources, ReplyPrompt prompt)
    {
        var links = sources.Select(s => s.Link is null ? $"*{s.Title}*" : $"[{s.Title}]({s.Link})").ToList();
        var text = body.TrimEnd();
        if (links.Count > 0)
        {
            text += $"\n\n{prompt.SourceLabel}: {string.Join(", ", links)}";
        }

        return prompt.SignOff.Length == 0 ? text : text + "\n\n" + prompt.SignOff;
    }

    /// <summary>The answer after the editors' greeting (<c>answer.greeting</c> in conversation.yml) when the shopper's name is known.</summary>
    public static string Greet(string body, ShopperProfile shopper, ResponseCatalog words) =>
        shopper.FirstName is null ? body : $"{Say(words, "answer.greeting", shopper.FirstName)}\n\n{body}";

    /// <summary>What the drafter says when nothing grounds an answer (<c>answer.not_found</c>).</summary>
    public static string NotFound(ResponseCatalog words) => Say(words, "answer.not_found", null);

    private static string Say(ResponseCatalog words, string key, string? firstName) =>
        words.Say(ConversationTexts.Catalogue, key, null, [("first_name", firstName ?? "")]);
}
