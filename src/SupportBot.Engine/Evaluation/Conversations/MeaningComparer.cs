using System.Numerics.Tensors;
using System.Text.RegularExpressions;
using SupportBot.Embeddings;

namespace SupportBot.Evaluation.Conversations;

/// <summary>
/// Under <see cref="TextTolerance.Semantic"/>, a bot text passes when it says what the script's text says in other
/// words: the cosine of their sentence vectors reaches <see cref="Threshold"/>, every number the expected text
/// states is in the bot's, and both or neither are negated. Sentence vectors alone read "has shipped" and "has not
/// shipped" as near twins, and a changed limit ("14 days" for "30 days") as the same answer: those are the changes
/// that matter most to a shopper, so they are checked by their words.
/// </summary>
internal sealed partial class MeaningComparer(TextEmbeddings embeddings, double threshold = MeaningComparer.DefaultThreshold)
{
    /// <summary>
    /// Chosen on replies of the shipped conversations reworded by hand, with the packaged model: rewordings score
    /// 0.65–0.95 once the values are taken out, a reply about another step of the same topic ("being prepared" for
    /// "has shipped") 0.5–0.6, a reply about something else below 0.3. A loose rewording can fall below it
    /// ("hand you over to someone on our team" for "connect you with a person": 0.42).
    /// </summary>
    public const double DefaultThreshold = 0.6;

    public double Threshold { get; } = threshold;

    /// <summary>A failure when <paramref name="actual"/> does not say what <paramref name="expected"/> says; null when it does.</summary>
    public async Task<AssertionFailure?> CompareAsync(string check, string expected, string actual, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        if (TextMatcher.Matches(expected, actual, TextTolerance.Normalized))
        {
            // The words themselves (with placeholders such as {any} for the rest of a long reply) say it.
            return null;
        }

        var literal = Placeholder().Replace(expected, " ");
        var missing = Numbers().Matches(literal).Select(m => m.Value).Where(n => !Numbers().Matches(actual).Any(a => a.Value == n)).ToList();
        if (missing.Count > 0)
        {
            return new AssertionFailure(check + " (meaning)", expected, actual, $"the number {string.Join(", ", missing)} is missing");
        }

        // A negation the script states must be there; one the bot adds counts only when its reply is no longer than
        // the expected one, since a fuller answer may carry other sentences ("Final Sale items can't be returned").
        var expectedNegated = Negation().IsMatch(literal);
        if (expectedNegated && !Negation().IsMatch(actual))
        {
            return new AssertionFailure(check + " (meaning)", expected, actual, "the negation is missing");
        }

        if (!expectedNegated && Negation().IsMatch(actual) && Sentences(actual) <= Sentences(literal))
        {
            return new AssertionFailure(check + " (meaning)", expected, actual, "negated where the expected text is not");
        }

        var similarity = await SimilarityAsync(expected, actual, cancellationToken).ConfigureAwait(false);
        return similarity >= Threshold
            ? null
            : new AssertionFailure(check + " (meaning)", expected, actual, $"similarity {similarity:0.00} < {Threshold:0.00}");
    }

    /// <summary>
    /// The cosine of the two texts' sentence vectors with the values taken out (placeholders from the expected text;
    /// order numbers, e-mails, dates and amounts from the bot's), since those stand for data, not meaning. 1 for texts
    /// that read the same.
    /// </summary>
    public async Task<double> SimilarityAsync(string expected, string actual, CancellationToken cancellationToken)
    {
        var wanted = Placeholder().Replace(expected, " ");
        var said = Value().Replace(actual, " ");
        if (string.Equals(TextMatcher.Normalize(wanted), TextMatcher.Normalize(said), StringComparison.Ordinal))
        {
            return 1;
        }

        var vectors = await embeddings.EmbedAsync([wanted, said], cancellationToken).ConfigureAwait(false);
        return TensorPrimitives.CosineSimilarity(vectors[0], vectors[1]);
    }

    private static int Sentences(string text) => SentenceEnd().Count(text.TrimEnd()) + 1;

    [GeneratedRegex(@"[.!?](?:\s|$)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\{[a-z]+\}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\b[A-Z]{2}-?\d{6,}\b|[^\s@]+@[^\s@]+|\$\d[\d,]*(?:\.\d{2})?|\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,? )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{1,2}(?:,? \d{4})?\b|\b\d{4}-\d{2}-\d{2}\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Value();

    [GeneratedRegex(@"\d+(?:[.,]\d+)?")]
    private static partial Regex Numbers();

    [GeneratedRegex(@"\b(?:not|never|no|none|nothing|cannot|without)\b|n't\b|n’t\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Negation();
}
