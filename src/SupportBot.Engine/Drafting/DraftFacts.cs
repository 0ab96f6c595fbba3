using SupportBot.Knowledge.Sentences;

namespace SupportBot.Drafting;

/// <summary>
/// Whether a draft keeps the facts of the passages it cites. Every sentence of a cited passage (and of its summary)
/// that the draft repeats, in its own words or the passage's, must come back with all its numbers and, when it is
/// negated, with a negation; a sentence the draft does not repeat is not checked (the draft may answer from part of a
/// passage), and neither is a sentence of the draft that repeats no passage (a greeting, what an order tool said).
/// Condition words are not checked here (a model may rightly say "by" for "within"); the excerpt rules keep them.
/// A draft sentence that repeats a passage may not bring a number no cited passage states either ("within 14 or 30
/// days").
/// </summary>
internal static class DraftFacts
{
    /// <summary>The <see cref="DraftRejection"/> reason when the draft loses a fact, or null when it keeps them all.</summary>
    public static string? Lost(string draft, IReadOnlyList<KnowledgePassage> cited)
    {
        ArgumentNullException.ThrowIfNull(cited);
        // The draft is read in the language of the passages it cites (a reply in French cites French answers).
        var language = cited.Count > 0 ? cited[0].Facts : FactLanguage.English;
        var said = Sentence.SplitText(draft, language);
        var sources = cited.SelectMany(p => Sentence.SplitText(p.Text, p.Facts).Concat(p.Summary is null ? [] : Sentence.SplitText(p.Summary, p.Facts))).ToList();
        var stated = sources.SelectMany(s => s.Facts.Numbers).ToHashSet(StringComparer.Ordinal);
        if (said.Any(d => d.Facts.Numbers.Any(n => !stated.Contains(n)) && sources.Exists(s => FactKeeping.Repeats(d, s))))
        {
            return DraftRejection.LostNumber;
        }

        foreach (var source in sources.Where(s => s.Facts.Numbers.Count > 0 || s.Facts.Negated))
        {
            switch (FactKeeping.Judge(source, said))
            {
                case FactOutcome.LostNumber:
                    return DraftRejection.LostNumber;
                case FactOutcome.LostNegation:
                    return DraftRejection.LostNegation;
            }
        }

        return null;
    }
}
