using SupportBot.Knowledge;
using SupportBot.Knowledge.Responses;
using SupportBot.Replies;

namespace SupportBot.Drafting;

/// <summary>How every drafted answer ends, whoever drafted it: where it comes from, then the editors' sign-off.</summary>
internal static class ReplyFooter
{
    /// <param name="language">The answer's language: a translation's footer comes from its catalogue
    /// (<c>answer.source_label</c>, <c>answer.sign_off</c> in conversation.&lt;lang&gt;.yml); English uses the prompt's.</param>
    public static string Append(string body, IEnumerable<KnowledgePassage> sources, ReplyPrompt prompt, ResponseCatalog words, ReplyLanguage language)
    {
        var links = sources.Select(s => s.Link is null ? $"*{s.Title}*" : $"[{s.Title}]({s.Link})").ToList();
        var (label, signOff) = language.IsEnglish
            ? (prompt.SourceLabel, prompt.SignOff)
            : (Translated(words, ConversationTexts.SourceLabel, language) ?? prompt.SourceLabel, Translated(words, ConversationTexts.SignOff, language) ?? prompt.SignOff);
        var text = body.TrimEnd();
        if (links.Count > 0)
        {
            text += $"\n\n{label}{language.Colon} {string.Join(", ", links)}";
        }

        return signOff.Length == 0 ? text : text + "\n\n" + signOff;
    }

    /// <summary>The answer after the editors' greeting (<c>answer.greeting</c> in conversation.yml) when the shopper's name is known.</summary>
    public static string Greet(string body, ShopperProfile shopper, ResponseCatalog words, ReplyLanguage language) =>
        shopper.FirstName is null ? body : $"{Say(words, "answer.greeting", shopper.FirstName, language)}\n\n{body}";

    /// <summary>What the drafter says when nothing grounds an answer (<c>answer.not_found</c>).</summary>
    public static string NotFound(ResponseCatalog words) => Say(words, "answer.not_found", null, ReplyLanguage.English);

    private static string Say(ResponseCatalog words, string key, string? firstName, ReplyLanguage language) =>
        words.Say(ConversationTexts.Catalogue, key, language.Code, [("first_name", firstName ?? "")]);

    /// <summary>A translation's own footer words; null when the translation leaves them to the prompt.</summary>
    private static string? Translated(ResponseCatalog words, string key, ReplyLanguage language) =>
        words.Translation(ConversationTexts.Catalogue, key, language.Code)?.Render(new Dictionary<string, string>(), language);
}
