using System.Runtime.CompilerServices;
using Markdig.Syntax;
using SupportBot.Knowledge.Search;
using SupportBot.Knowledge.Sentences;

namespace SupportBot.Drafting;

/// <summary>
/// The part of an FAQ answer a shopper is shown. An answer is cut into blocks (a paragraph, a paragraph introducing
/// a list together with the list, a heading with what follows it) and paragraphs into sentences. The core of the reply
/// is the editor's <c>summary:</c> when the entry has one, else the first block (the direct answer, by the editors'
/// guide); when the shopper's question names something only some blocks talk about ("…if my parcel is lost?"), those
/// blocks are added. Around that every sentence of the answer that carries a number, a negation, a condition, an
/// exception or a limit is kept, unless the summary already says it with the same numbers, negation and conditions: an excerpt that drops "within 14 days" or "we don't sell your data"
/// promises what the shop does not. Sentences are copied as the editor wrote them, so the excerpt states nothing the
/// answer (or its summary) does not; when little would be left out, the whole answer is sent instead.
/// </summary>
internal sealed class AnswerExcerpt
{
    /// <summary>Above this share of the answer's length an excerpt is the answer with holes in it: the whole answer reads better.</summary>
    private const double WholeShare = 0.8;

    /// <summary>An answer's units and its title's words, worked out once per knowledge version (the key is the entry's answer text).</summary>
    private static readonly ConditionalWeakTable<string, AnswerShape> ShapeByAnswer = [];

    /// <summary>Question words the search keeps (they help rank phrasings) but that say nothing about which part to quote.</summary>
    private static readonly string[] QuestionWords = ["when", "where", "why", "will"];

    private AnswerExcerpt(string markdown, bool isWhole)
    {
        Markdown = markdown;
        IsWhole = isWhole;
    }

    public string Markdown { get; }

    /// <summary>False when the excerpt leaves part of the answer out.</summary>
    public bool IsWhole { get; }

    public static AnswerExcerpt Choose(string question, KnowledgePassage passage)
    {
        ArgumentNullException.ThrowIfNull(passage);
        var answer = passage.Text.Trim();
        var shape = ShapeByAnswer.GetValue(passage.Text, _ => AnswerShape.Of(answer, passage.Title, passage.Summary, passage.Facts));
        var focus = Focus(question, shape);
        if (focus is null && shape.Summary is null)
        {
            return new AnswerExcerpt(answer, isWhole: true);
        }

        // The core is the summary, or else the first block (editors put the direct answer there); around it what the
        // question singles out and every fact are kept, and what the summary already says is not repeated.
        var core = shape.Summary is null ? 0 : -1;
        var kept = shape.Units.Where(u => !u.SaidBySummary && (u.Block == core || focus?.Contains(u.Block) == true || u.MustKeep)).ToList();
        if (kept.Count == shape.Units.Count)
        {
            return new AnswerExcerpt(answer, isWhole: true);
        }

        var parts = kept.GroupBy(u => u.Block).Select(b => string.Join(" ", b.Select(u => u.Markdown))).ToList();
        if (shape.Summary is not null)
        {
            parts.Insert(0, shape.Summary);
        }

        var markdown = string.Join("\n\n", parts);
        return markdown.Length >= WholeShare * answer.Length
            ? new AnswerExcerpt(answer, isWhole: true)
            : new AnswerExcerpt(markdown, isWhole: false);
    }

    /// <summary>The blocks the question singles out, or null when it asks about the entry as a whole.</summary>
    private static HashSet<int>? Focus(string question, AnswerShape shape)
    {
        var blocks = shape.BlockTerms;
        if (blocks.Count < 3)
        {
            return null;
        }

        // Words of the title are what every block is about; only the rest of the question can single a block out.
        var asked = AnswerShape.Terms(question, shape.Language);
        asked.ExceptWith(shape.TitleTerms);
        asked.ExceptWith(QuestionWords);
        if (asked.Count == 0)
        {
            return null;
        }

        var scores = blocks.Select(b => b.Count(asked.Contains)).ToList();
        var best = scores.Max();
        var chosen = Enumerable.Range(0, blocks.Count).Where(i => best > 0 && scores[i] == best).ToHashSet();
        return chosen.Count == 0 || chosen.Count > blocks.Count - 2 ? null : chosen;
    }

    /// <summary>
    /// A piece the excerpt keeps or leaves out whole: a sentence of a paragraph, or a block that only reads right in
    /// one piece (a list with its introduction, a heading with its text).
    /// </summary>
    /// <param name="SaidBySummary">
    /// The unit carries facts and the summary repeats each of them with its numbers, negation and conditions. A unit
    /// without facts is never taken as said: sharing a few words with the summary ("let us know and we'll refund the
    /// shipping charge") is too weak a sign to leave out what the question asked for.
    /// </param>
    private sealed record Unit(string Markdown, int Block, bool MustKeep, bool SaidBySummary);

    private sealed record AnswerShape(IReadOnlyList<Unit> Units, IReadOnlyList<HashSet<string>> BlockTerms, HashSet<string> TitleTerms, string? Summary, FactLanguage Language)
    {
        public static HashSet<string> Terms(string text, FactLanguage language) =>
            AnalyzedToken.Analyze(language.Analyzer, "answer", text).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);

        public static AnswerShape Of(string answer, string title, string? summary, FactLanguage language)
        {
            var said = string.IsNullOrWhiteSpace(summary) ? [] : Sentence.SplitText(summary, language);
            var units = new List<Unit>();
            var blockTerms = new List<HashSet<string>>();
            foreach (var (markdown, isParagraph) in Blocks(answer))
            {
                var pieces = isParagraph ? Sentence.SplitParagraph(markdown, language) : [markdown];
                foreach (var piece in pieces)
                {
                    var sentences = Sentence.SplitText(piece, language);
                    var mustKeep = sentences.Where(s => s.Facts.MustKeep).ToList();
                    units.Add(new Unit(piece, blockTerms.Count, mustKeep.Count > 0,
                        said.Count > 0 && mustKeep.Count > 0 && mustKeep.TrueForAll(s => FactKeeping.Judge(s, said) == FactOutcome.Kept)));
                }

                blockTerms.Add(Terms(markdown, language));
            }

            return new AnswerShape(units, blockTerms, Terms(title, language), string.IsNullOrWhiteSpace(summary) ? null : summary.Trim(), language);
        }

        private static IEnumerable<(string Markdown, bool IsParagraph)> Blocks(string answer)
        {
            var groups = new List<List<Block>>();
            foreach (var block in Markdig.Markdown.Parse(answer))
            {
                var previous = groups.Count > 0 ? groups[^1] : null;
                var joinsPrevious = previous is not null && (
                    previous[0] is HeadingBlock && block is not HeadingBlock
                    || block is ListBlock && previous[^1] is ParagraphBlock p && Text(answer, p).TrimEnd().EndsWith(':'));
                if (joinsPrevious)
                {
                    previous!.Add(block);
                }
                else
                {
                    groups.Add([block]);
                }
            }

            return groups.Select(g => (answer[g[0].Span.Start..(g[^1].Span.End + 1)].Trim(), g is [ParagraphBlock]));
        }

        private static string Text(string answer, Block block) => answer[block.Span.Start..(block.Span.End + 1)];
    }
}
