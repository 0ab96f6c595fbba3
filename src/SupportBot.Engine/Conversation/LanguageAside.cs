using System.Text.RegularExpressions;

namespace SupportBot.Conversation;

/// <summary>
/// A sentence that only talks about the language ("sorry, can I write in English?", "mi español no es muy bueno")
/// beside the real question. The language resolver reads the whole message; understanding and search read it without
/// that sentence, whose words belong to no help-centre entry and only blur the question.
/// </summary>
internal static partial class LanguageAside
{
    /// <summary>The message without its sentences naming a language, when another sentence is left; else the message.</summary>
    public static string? Without(string? text)
    {
        if (text is null || !LanguageName().IsMatch(text))
        {
            return text;
        }

        var sentences = Sentence().Matches(text).Select(m => m.Value.Trim()).Where(s => s.Length > 0).ToList();
        var kept = sentences.Where(s => !LanguageName().IsMatch(s)).ToList();
        return kept.Count > 0 && kept.Count < sentences.Count && kept.Any(s => s.Any(char.IsLetter)) ? string.Join(' ', kept) : text;
    }

    // A sentence runs to its end mark (kept with it) or to the end of the message.
    [GeneratedRegex(@"[^.?!]+(?:[.?!]+|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Sentence();

    [GeneratedRegex(@"\b(?:english|anglais|ingl[ée]s|spanish|espagnol|espa[ñn]ol|french|fran[çc]ais|franc[ée]s)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LanguageName();
}
