using SupportBot.Conversation;
using SupportBot.Knowledge;

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

    public static string Greet(string body, ShopperProfile shopper, ReplyWriter words) =>
        shopper.FirstName is null ? body : $"{words.Greeting(shopper.FirstName)}\n\n{body}";
}
