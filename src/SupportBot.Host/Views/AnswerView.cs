using SupportBot.Knowledge.Search;

namespace SupportBot.Host.Views;

/// <summary>
/// The JSON shape of a knowledge search, the same for <c>supportbot ask --json</c> and <c>/api/knowledge/search</c>.
/// Field names are snake_case and stable: scripts depend on them.
/// </summary>
internal sealed record AnswerView(
    string Question,
    double Confidence,
    double Threshold,
    bool Confident,
    int? KnowledgeVersion,
    IReadOnlyList<string> UnknownWords,
    IReadOnlyList<HitView> Hits)
{
    public static AnswerView From(KnowledgeAnswer answer, double threshold, int? version) => new(
        answer.Question,
        answer.Confidence,
        threshold,
        answer.Confidence >= threshold,
        version,
        answer.UnknownWords,
        answer.Hits.Select(h => new HitView(
            h.Entry.Id,
            h.Entry.Title,
            h.Entry.Topic,
            h.Confidence,
            Math.Round(h.Score, 4),
            h.Entry.Source.ToString(),
            h.Entry.Link,
            h.Entry.AnswerMarkdown,
            h.Matches.Select(m => new MatchView(m.Word, m.MatchedAs, m.Kind, m.Fields)).ToList(),
            Math.Round(h.Lexical, 4),
            h.Neighbour is { } n ? new NeighbourView(n.Kind.ToString().ToLowerInvariant(), n.Text, n.Similarity) : null)).ToList());
}

internal sealed record HitView(
    string Id,
    string Title,
    string Topic,
    double Confidence,
    double Score,
    string Source,
    string? Link,
    string Answer,
    IReadOnlyList<MatchView> Matches,
    double Lexical,
    NeighbourView? Semantic);

/// <summary>The entry's text nearest the question in meaning (<c>title</c>, <c>phrasing</c> or <c>answer</c>) and its cosine.</summary>
internal sealed record NeighbourView(string Kind, string Text, double Similarity);

internal sealed record MatchView(string Word, string MatchedAs, MatchKind Kind, IReadOnlyList<string> Fields);
