using System.Text.RegularExpressions;
using SupportBot.Knowledge.Search;

namespace SupportBot.Knowledge.Sentences;

/// <summary>
/// One sentence of an answer or a draft: its Markdown as written, the facts it carries, and its content words (for
/// telling which sentence of a source a reply repeats).
/// </summary>
internal sealed partial record Sentence(string Markdown, SentenceFacts Facts, IReadOnlySet<string> Terms)
{
    /// <summary>One analyser for every sentence and excerpt reading (Lucene analysers are safe to share across threads).</summary>
    internal static ShopperAnalyzer Analyzer { get; } = new();

    public static Sentence Of(string markdown)
    {
        var plain = Markdig.Markdown.ToPlainText(markdown).Trim();
        return new Sentence(markdown, SentenceFacts.Of(plain), Words(plain));
    }

    /// <summary>The analysed words of a text, numbers left out (they are compared as facts, not as words).</summary>
    public static HashSet<string> Words(string text) => AnalyzedToken.Analyze(Analyzer, "answer", text)
        .Select(t => t.Term)
        .Where(t => !t.All(c => char.IsDigit(c) || c is '.' or ','))
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>The sentences of one paragraph, cut where a sentence ends and the next begins, each as written.</summary>
    public static IReadOnlyList<string> SplitParagraph(string markdown) =>
        Boundary().Split(markdown.Trim()).Where(s => s.Length > 0).ToList();

    /// <summary>
    /// The sentences of a whole reply: every line is cut into sentences (a list item or a paragraph line ends one even
    /// without a full stop), list markers and headings' hashes dropped.
    /// </summary>
    public static IReadOnlyList<Sentence> SplitText(string markdown) => markdown
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(line => LineMarker().Replace(line, ""))
        .SelectMany(SplitParagraph)
        .Select(Of)
        .ToList();

    /// <summary>Space after a full stop, question or exclamation mark (and any closing emphasis or quote) before a capital or a digit.</summary>
    [GeneratedRegex(@"(?<=[.!?](?:\*\*|\*|_|\)|""|”)*)\s+(?=[\p{Lu}\d*_\[""“(])", RegexOptions.None, 1000)]
    private static partial Regex Boundary();

    [GeneratedRegex(@"^(?:[-*+]\s+|\d+[.)]\s+|#{1,6}\s+|>\s*)", RegexOptions.None, 1000)]
    private static partial Regex LineMarker();
}
