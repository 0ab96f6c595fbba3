using SupportBot.Knowledge;

namespace SupportBot.Evaluation.Conversations;

/// <summary>Holds what the bot did on a turn against what the script expected; every expectation that fails is reported.</summary>
internal static class TurnChecker
{
    /// <summary>What a <c>[Language=…]</c> check reports when the decision trace has no <c>language</c>.</summary>
    public const string NoLanguage = "the engine does not report the turn's language";

    public static IReadOnlyList<AssertionFailure> Check(ScriptedTurn expected, TurnObservation actual, TextTolerance tolerance)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var failures = new List<AssertionFailure>();
        if (tolerance != TextTolerance.Semantic)
        {
            for (var i = 0; i < expected.BotTexts.Count; i++)
            {
                var check = expected.BotTexts.Count > 1 ? $"text of message {i + 1}" : "text";
                if (i >= actual.Texts.Count)
                {
                    failures.Add(new AssertionFailure(check, expected.BotTexts[i] ?? "a message", "no message"));
                }
                else if (expected.BotTexts[i] is { } text && !TextMatcher.Matches(text, actual.Texts[i], tolerance))
                {
                    failures.Add(new AssertionFailure(check, text, actual.Texts[i], TextMatcher.Diff(text, actual.Texts[i])));
                }
            }
        }

        var recorded = expected.Recorded;
        if (tolerance == TextTolerance.Semantic && recorded is not null)
        {
            Same(failures, "intent (recorded)", recorded.Intent, actual.Intent);
            Same(failures, "FAQ source (recorded)", recorded.Faq, actual.FaqId);
        }

        Same(failures, "intent", expected.Intent, actual.Intent);
        Same(failures, "FAQ source", expected.Faq, actual.FaqId);
        Same(failures, "action", expected.Action, actual.Action);
        Same(failures, "step", expected.Step, actual.Step);
        if (expected.Flow is { } flow)
        {
            Same(failures, "flow", flow, actual.Flow ?? "none");
        }

        if (expected.Verified is { } verified && verified != actual.Verified)
        {
            failures.Add(new AssertionFailure("verified", YesNo(verified), YesNo(actual.Verified)));
        }

        CheckLanguage(failures, expected.Language, actual.Language);
        CheckHandoff(failures, expected.Handoff ?? recorded?.Handoff, actual.Handoff);
        var said = string.Join("\n", actual.Texts);
        foreach (var pattern in expected.Matches)
        {
            if (ChatFileParser.RegexOf(pattern, out _) is { } regex && !regex.IsMatch(said))
            {
                failures.Add(new AssertionFailure("match", pattern, Clip(said)));
            }
        }

        foreach (var pattern in expected.NoMatches)
        {
            if (ChatFileParser.RegexOf(pattern, out _) is { } regex && regex.Match(said) is { Success: true } found)
            {
                failures.Add(new AssertionFailure("no match", pattern, $"found \"{found.Value}\" in: {Clip(said)}"));
            }
        }

        var offered = actual.Suggestions.Select(TextMatcher.Normalize).ToHashSet(StringComparer.Ordinal);
        var missing = expected.Suggestions.Where(s => !offered.Contains(TextMatcher.Normalize(s))).ToList();
        if (missing.Count > 0)
        {
            failures.Add(new AssertionFailure("suggested actions", string.Join(" | ", expected.Suggestions), actual.Suggestions.Count == 0 ? "none" : string.Join(" | ", actual.Suggestions)));
        }

        foreach (var card in expected.Cards)
        {
            if (!actual.Cards.Any(c => card == "any" || c.Contains(card, StringComparison.OrdinalIgnoreCase)))
            {
                failures.Add(new AssertionFailure("card", card, actual.Cards.Count == 0 ? "no card" : string.Join(", ", actual.Cards)));
            }
        }

        return failures;
    }

    /// <summary>
    /// A handoff must match its reason (or <c>any</c>); <c>none</c> forbids one; and a handoff the script did not
    /// mention is a failure too: handing off when it should not is as wrong as not handing off.
    /// </summary>
    private static void CheckHandoff(List<AssertionFailure> failures, string? expected, string? actual)
    {
        var ok = expected switch
        {
            null or "none" => actual is null,
            "any" => actual is not null,
            _ => string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase),
        };
        if (!ok)
        {
            failures.Add(new AssertionFailure("handoff", expected ?? "none", actual ?? "none"));
        }
    }

    /// <summary>The language the engine recorded for the turn, compared by language (<c>fr</c> holds for <c>fr-FR</c>).</summary>
    private static void CheckLanguage(List<AssertionFailure> failures, string? expected, string? actual)
    {
        if (expected is null)
        {
            return;
        }

        if (actual is null)
        {
            failures.Add(new AssertionFailure("language", expected, NoLanguage));
        }
        else if (!string.Equals(expected, KnowledgeLanguages.Of(actual), StringComparison.OrdinalIgnoreCase))
        {
            failures.Add(new AssertionFailure("language", expected, actual));
        }
    }

    private static void Same(List<AssertionFailure> failures, string check, string? expected, string? actual)
    {
        if (expected is not null && !string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add(new AssertionFailure(check, expected, actual ?? "none"));
        }
    }

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static string Clip(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
