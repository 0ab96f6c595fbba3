using System.Text.RegularExpressions;
using SupportBot.Knowledge.Search;

namespace SupportBot.Knowledge.Sentences;

/// <summary>
/// One sentence of an answer or a draft: its Markdown as written, the facts it carries, and its content words (for
/// telling which sentence of a source a reply repeats), read with the rules of its language (English when none is given).
/// </summary>
internal sealed partial record Sentence(string Markdown, SentenceFacts Facts, IReadOnlySet<string> Terms)
{
    /// <summary>One analyser for every English sentence and excerpt reading (Lucene analysers are safe to share across threads).</summary>
    internal static ShopperAnalyzer Analyzer { get; } = new();

    public static Sentence Of(string markdown, FactLanguage? language = null)
    {
        var plain = Markdig.Markdown.ToPlainText(markdown).Trim();
        return new Sentence(markdown, SentenceFacts.Of(plain, language), Words(plain, language));
    }

    /// <summary>The analysed words of a text, numbers left out (they are compared as facts, not as words).</summary>
    public static HashSet<string> Words(string text, FactLanguage? language = null) => AnalyzedToken.Analyze((language ?? FactLanguage.English).Analyzer, "answer", text)
        .Select(t => t.Term)
        .Where(t => !t.All(c => char.IsDigit(c) || c is '.' or ','))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The sentences of one paragraph, cut where a sentence ends and the next begins, each as written; a full stop after
    /// one of the language's abbreviations ("EE. UU.", "p. ex.", "M. Martin") does not end a sentence.
    /// </summary>
    public static IReadOnlyList<string> SplitParagraph(string markdown, FactLanguage? language = null)
    {
        var rules = language ?? FactLanguage.English;
        var text = markdown.Trim();
        var pieces = new List<string>();
        var start = 0;
        foreach (Match boundary in rules.Boundary.Matches(text))
        {
            var piece = text[start..boundary.Index];
            if (!rules.EndsWithAbbreviation(piece))
            {
                pieces.Add(piece);
                start = boundary.Index + boundary.Length;
            }
        }

        pieces.Add(text[start..]);
        return pieces.Where(s => s.Length > 0).ToList();
    }

    /// <summary>
    /// The sentences of a whole reply: every line is cut into sentences (a list item or a paragraph line ends one even
    /// without a full stop), list markers and headings' hashes dropped.
    /// </summary>
    public static IReadOnlyList<Sentence> SplitText(string markdown, FactLanguage? language = null) => markdown
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(line => LineMarker().Replace(line, ""))
        .SelectMany(line => SplitParagraph(line, language))
        .Select(sentence => Of(sentence, language))
        .ToList();

    [GeneratedRegex(@"^(?:[-*+]\s+|\d+[.)]\s+|#{1,6}\s+|>\s*)", RegexOptions.None, 1000)]
    private static partial Regex LineMarker();
}
