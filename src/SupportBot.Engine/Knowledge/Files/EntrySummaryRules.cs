using SupportBot.Knowledge.Sentences;

namespace SupportBot.Knowledge.Files;

/// <summary>
/// What validation says about an entry's <c>summary:</c>. The summary is the core of every excerpt shoppers see of a
/// long answer, so a long answer without one is worth an editor's look (a warning), a summary that states a number
/// the answer never does is wrong (an error: it would be sent as the shop's word), and a summary that repeats a
/// sentence of the answer without its number, its "not" or its condition is worth a warning (the excerpt then adds the answer's own
/// sentence, which makes it longer than the editor meant).
/// </summary>
internal static class EntrySummaryRules
{
    /// <summary>An answer longer than this many words is long for a chat bubble and should have a summary.</summary>
    public const int LongAnswerWords = 110;

    /// <param name="language">The entry's language, whose numbers, negations and conditions are compared (English when null).</param>
    public static void Check(string answerMarkdown, string answerText, string? summary, string path, int summaryLine, int idLine, DiagnosticBag diagnostics,
        FactLanguage? language = null)
    {
        var words = answerText.Split((char[])[' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries).Length;
        if (string.IsNullOrWhiteSpace(summary))
        {
            if (words > LongAnswerWords)
            {
                diagnostics.Warning(path, idLine,
                    $"the answer is {words} words long (more than {LongAnswerWords}) and has no 'summary:'; add one with what a shopper must not miss (conditions, limits, numbers, what the shop does not do)");
            }

            return;
        }

        var said = Sentence.SplitText(summary, language);
        var answerNumbers = SentenceFacts.Of(answerText, language).Numbers;
        foreach (var number in said.SelectMany(s => s.Facts.Numbers).Distinct(StringComparer.Ordinal).Where(n => !answerNumbers.Contains(n)))
        {
            diagnostics.Error(path, summaryLine, $"the summary says '{number}' but the answer never does; a summary may only say what the answer says");
        }

        foreach (var source in Sentence.SplitText(answerMarkdown, language).Where(s => s.Facts.MustKeep))
        {
            var outcome = FactKeeping.Judge(source, said);
            if (outcome is FactOutcome.LostNumber or FactOutcome.LostNegation or FactOutcome.LostCondition)
            {
                var lost = outcome switch
                {
                    FactOutcome.LostNumber => "one of its numbers",
                    FactOutcome.LostNegation => "its negation",
                    _ => "one of its conditions",
                };
                diagnostics.Warning(path, summaryLine, $"the summary repeats \"{Markdig.Markdown.ToPlainText(source.Markdown).Trim()}\" without {lost}; excerpts will add the answer's sentence");
            }
        }
    }
}
