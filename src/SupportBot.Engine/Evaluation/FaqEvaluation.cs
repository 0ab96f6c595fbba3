using System.Text.Json;
using System.Text.Json.Serialization;
using SupportBot.Knowledge;
using SupportBot.Knowledge.Search;

namespace SupportBot.Evaluation;

/// <summary>A labelled question: <c>expected</c> is the FAQ id that answers it, or null when nothing in the FAQ does.</summary>
internal sealed record FaqQuestion(
    string? Text,
    string? Expected);

/// <summary>A question the index did not rank first correctly (or answered confidently when it should not have).</summary>
internal sealed record FaqMiss(
    int Line,
    string Text,
    string? Expected,
    IReadOnlyList<RankedId> Got);

internal sealed record RankedId(
    string Id,
    double Confidence);

/// <summary>Of the questions whose best answer had a confidence in [<c>from</c>, <c>to</c>), how many were right.</summary>
internal sealed record CalibrationBucket(
    double From,
    double To,
    int Count,
    int Correct);

/// <summary>
/// Retrieval quality on a labelled set. Hit@k and MRR are over answerable questions. With the confidence
/// threshold: <c>answered_precision</c> is how often a confident answer was the right one, <c>abstain_rate</c>
/// how often an unanswerable question stayed below the bar.
/// <para>Written snake_case by the host's report settings; only the hit rates are named here, since the policy would
/// write <c>hit_at1</c> where the report has always said <c>hit_at_1</c>.</para>
/// </summary>
internal sealed record FaqEvaluationReport(
    int Questions,
    int Answerable,
    [property: JsonPropertyName("hit_at_1")] double HitAt1,
    [property: JsonPropertyName("hit_at_3")] double HitAt3,
    double Mrr,
    double Threshold,
    double AnsweredRate,
    double AnsweredPrecision,
    double AbstainRate,
    double QueryP50Ms,
    double QueryP99Ms,
    IReadOnlyList<CalibrationBucket> Calibration,
    IReadOnlyList<FaqMiss> Misses)
{
    /// <summary>What the bot would do with each question (<see cref="AnswerDecision"/>), and how often it would be right.</summary>
    public required AnswerDecisionReport Decisions { get; init; }
}

/// <summary>
/// The answer decision on a labelled set. Over the answerable questions: how many get a direct answer and how often
/// it is the right entry, how many a "Did you mean…?" and how often the right entry is among the choices, how many
/// a fallback. Over the unanswerable ones: how many are not answered directly. With the thresholds used.
/// </summary>
internal sealed record AnswerDecisionReport(
    double DirectRate,
    double DirectAccuracy,
    double ClarifyRate,
    double ClarifyAccuracy,
    double FallbackRate,
    double UnanswerableHeldBack,
    AnswerDecisionThresholds Thresholds);

internal sealed record AnswerDecisionThresholds(
    double MinConfidence,
    double TieMargin,
    double ClearLeadConfidence,
    double ClearLead,
    double SuggestionConfidence,
    double AlternativeMargin)
{
    public static AnswerDecisionThresholds Of(SearchOptions o) =>
        new(o.MinConfidence, o.TieMargin, o.ClearLeadConfidence, o.ClearLead, o.SuggestionConfidence, o.AlternativeMargin);
}

/// <summary>Runs a labelled question set against an index and scores it.</summary>
internal static class FaqEvaluation
{
    private const int RankDepth = 10;

    private static readonly JsonSerializerOptions ReadOptions = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Reads a JSONL file; a malformed line or an unknown id stops with <see cref="DatasetException"/>.</summary>
    public static List<(FaqQuestion Question, int Line)> Load(string path, ISet<string> knownIds)
    {
        ArgumentNullException.ThrowIfNull(knownIds);
        var questions = new List<(FaqQuestion, int)>();
        foreach (var (question, line) in JsonLines.Read<FaqQuestion>(path, ReadOptions))
        {
            if (string.IsNullOrWhiteSpace(question.Text))
            {
                throw new DatasetException(path, line, "\"text\" is missing or empty");
            }

            if (question.Expected is not null && !knownIds.Contains(question.Expected))
            {
                throw new DatasetException(path, line, $"expected entry '{question.Expected}' does not exist in the knowledge base");
            }

            questions.Add((question, line));
        }

        if (questions.Count == 0)
        {
            throw new DatasetException(path, 1, "the file has no questions");
        }

        return questions;
    }

    /// <param name="thresholds">The answer decision's thresholds; <see cref="SearchOptions.MinConfidence"/> is the confidence bar.</param>
    public static async Task<FaqEvaluationReport> RunAsync(KnowledgeIndex index, IReadOnlyList<(FaqQuestion Question, int Line)> questions,
        SearchOptions thresholds, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(thresholds);
        var threshold = thresholds.MinConfidence;
        int direct = 0, directRight = 0, clarify = 0, clarifyRight = 0, fallback = 0, heldBack = 0;
        int answerable = 0, hit1 = 0, hit3 = 0, answered = 0, answeredRight = 0, unanswerable = 0, abstained = 0;
        double reciprocalRanks = 0;
        var latencies = new Latencies();
        var misses = new List<FaqMiss>();
        var buckets = new (int Count, int Correct)[10];
        for (var i = 0; i < questions.Count; i++)
        {
            var (question, line) = questions[i];
            var answer = await latencies.TimeAsync(() => index.SearchAsync(question.Text!, RankDepth, cancellationToken)).ConfigureAwait(false);
            var ids = answer.Hits.Select(h => h.Entry.Id).ToList();
            var confident = answer.Confidence >= threshold;
            var rank = question.Expected is null ? -1 : ids.IndexOf(question.Expected);
            var bucket = Math.Min(9, (int)(answer.Confidence * 10));
            if (answer.Best is not null)
            {
                buckets[bucket].Count++;
                buckets[bucket].Correct += rank == 0 ? 1 : 0;
            }

            var decision = AnswerDecision.Of(answer, thresholds);
            if (question.Expected is null)
            {
                unanswerable++;
                abstained += confident ? 0 : 1;
                heldBack += decision.Kind == AnswerKind.Direct ? 0 : 1;
            }
            else
            {
                answerable++;
                hit1 += rank == 0 ? 1 : 0;
                hit3 += rank is >= 0 and < 3 ? 1 : 0;
                reciprocalRanks += rank >= 0 ? 1.0 / (rank + 1) : 0;
                switch (decision.Kind)
                {
                    case AnswerKind.Direct:
                        direct++;
                        directRight += rank == 0 ? 1 : 0;
                        break;
                    case AnswerKind.Clarify:
                        clarify++;
                        clarifyRight += decision.Alternatives.Any(h => h.Entry.Id == question.Expected) ? 1 : 0;
                        break;
                    default:
                        fallback++;
                        break;
                }
            }

            if (confident)
            {
                answered++;
                answeredRight += rank == 0 ? 1 : 0;
            }

            if (rank != 0 && (question.Expected is not null || confident))
            {
                misses.Add(new FaqMiss(line, question.Text!, question.Expected,
                    answer.Hits.Take(3).Select(h => new RankedId(h.Entry.Id, h.Confidence)).ToList()));
            }

            progress?.Report(i + 1);
        }

        return new FaqEvaluationReport(
            questions.Count,
            answerable,
            Rates.Fraction(hit1, answerable),
            Rates.Fraction(hit3, answerable),
            Rates.Round(answerable == 0 ? 0 : reciprocalRanks / answerable),
            threshold,
            Rates.Fraction(answered, questions.Count),
            Rates.Fraction(answeredRight, answered),
            Rates.Fraction(abstained, unanswerable),
            latencies.Percentile(0.50),
            latencies.Percentile(0.99),
            buckets.Select((b, i) => new CalibrationBucket(i / 10.0, (i + 1) / 10.0, b.Count, b.Correct)).Where(b => b.Count > 0).ToList(),
            misses)
        {
            Decisions = new AnswerDecisionReport(
                Rates.Fraction(direct, answerable), Rates.Fraction(directRight, direct),
                Rates.Fraction(clarify, answerable), Rates.Fraction(clarifyRight, clarify),
                Rates.Fraction(fallback, answerable), Rates.Fraction(heldBack, unanswerable),
                AnswerDecisionThresholds.Of(thresholds)),
        };
    }
}
