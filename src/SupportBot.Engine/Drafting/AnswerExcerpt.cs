using System.Runtime.CompilerServices;
using Markdig;
using Markdig.Syntax;
using SupportBot.Knowledge.Search;

namespace SupportBot.Drafting;

/// <summary>
/// The part of an FAQ answer that addresses the question. An answer is cut into blocks (a paragraph, a paragraph
/// introducing a list together with the list, a heading with what follows it); when the shopper's question names
/// something only some blocks talk about ("…if my parcel is lost?"), those blocks are the reply. Otherwise, and
/// whenever the cut would leave out little, the whole answer is. Blocks are copied as the editor wrote them, so
/// the excerpt states nothing the answer does not.
/// </summary>
internal sealed class AnswerExcerpt
{
    private static readonly ShopperAnalyzer Analyzer = new();
    /// <summary>An answer's blocks and its title's words, worked out once per knowledge version (the key is the entry's answer text).</summary>
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
        var answer = passage.Text.Trim();
        var shape = ShapeByAnswer.GetValue(passage.Text, _ => new AnswerShape(Split(answer), Terms(passage.Title)));
        var blocks = shape.Blocks;
        if (blocks.Count < 3)
        {
            return new AnswerExcerpt(answer, isWhole: true);
        }

        // Words of the title are what every block is about; only the rest of the question can single a block out.
        var asked = Terms(question);
        asked.ExceptWith(shape.TitleTerms);
        asked.ExceptWith(QuestionWords);
        if (asked.Count == 0)
        {
            return new AnswerExcerpt(answer, isWhole: true);
        }

        var scores = blocks.Select(b => b.Terms.Count(asked.Contains)).ToList();
        var best = scores.Max();
        var chosen = Enumerable.Range(0, blocks.Count).Where(i => best > 0 && scores[i] == best).ToList();
        if (chosen.Count == 0 || chosen.Count > blocks.Count - 2)
        {
            return new AnswerExcerpt(answer, isWhole: true);
        }

        return new AnswerExcerpt(string.Join("\n\n", chosen.Select(i => blocks[i].Markdown)), isWhole: false);
    }

    private static HashSet<string> Terms(string text) =>
        AnalyzedToken.Analyze(Analyzer, "answer", text).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);

    private static List<Block> Split(string answer)
    {
        var document = Markdig.Markdown.Parse(answer);
        var groups = new List<List<Markdig.Syntax.Block>>();
        foreach (var block in document)
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

        return groups.Select(g =>
        {
            var markdown = answer[g[0].Span.Start..(g[^1].Span.End + 1)].Trim();
            return new Block(markdown, Terms(markdown));
        }).ToList();
    }

    private static string Text(string answer, Markdig.Syntax.Block block) => answer[block.Span.Start..(block.Span.End + 1)];

    private sealed record Block(string Markdown, HashSet<string> Terms);

    private sealed record AnswerShape(IReadOnlyList<Block> Blocks, HashSet<string> TitleTerms);
}
