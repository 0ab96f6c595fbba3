namespace SupportBot.Evaluation.Conversations;

/// <summary>How a conversation came out: every run passed, every run failed, runs disagreed, or it could not run.</summary>
public enum ConversationOutcome
{
    Passed,
    Failed,

    /// <summary>Run several times (<c>--repeat</c>), some runs passed and some failed: reported apart, never counted as a pass.</summary>
    Flaky,

    /// <summary>The file could not be read or the conversation could not be driven (the reason is in <see cref="ConversationResult.Error"/>).</summary>
    Error,
}

/// <summary>Whether a conversation was resolved without a person, and how we know.</summary>
public enum Containment
{
    /// <summary>It was handed to a person.</summary>
    None,

    /// <summary>No handoff, and the shopper said it helped ("thanks", "that's it").</summary>
    Confirmed,

    /// <summary>No handoff, but the shopper never said it helped: we assume it did.</summary>
    Assumed,
}

/// <summary>What the bot did on one turn, as the harness saw it.</summary>
public sealed record TurnObservation
{
    /// <summary>The texts of the bot's messages in this turn, in order.</summary>
    public IReadOnlyList<string> Texts { get; init; } = [];

    public string? Action { get; init; }

    public string? Intent { get; init; }

    public double IntentConfidence { get; init; }

    public string? FaqId { get; init; }

    public double FaqConfidence { get; init; }

    public string? Handoff { get; init; }

    public string? Flow { get; init; }

    public string? Step { get; init; }

    public bool Verified { get; init; }

    /// <summary>The turn's language as the engine recorded it in the decision trace (<c>language</c>); null when it records none.</summary>
    public string? Language { get; init; }

    /// <summary>Titles of the suggested actions offered.</summary>
    public IReadOnlyList<string> Suggestions { get; init; } = [];

    /// <summary>Content types of the attachments (cards) sent.</summary>
    public IReadOnlyList<string> Cards { get; init; } = [];

    /// <summary>From sending the shopper's activity to the bot's first reply, in milliseconds.</summary>
    public double FirstResponseMs { get; init; }
}

/// <summary>One expectation that did not hold: what was checked, what was expected, what came back, and a word diff for texts.</summary>
public sealed record AssertionFailure(string Check, string Expected, string Actual, string? Diff = null);

/// <summary>One shopper turn: its place in the file, what was said, and how the bot's answer measured up.</summary>
public sealed record TurnResult(int Index, int Line, string UserText, bool Passed, IReadOnlyList<AssertionFailure> Failures, TurnObservation Actual)
{
    /// <summary>The intent the script expected, if it named one (for intent accuracy).</summary>
    public string? ExpectedIntent { get; init; }

    /// <summary>The FAQ entry the script expected, if it named one (for the FAQ hit rate and the threshold sweep).</summary>
    public string? ExpectedFaq { get; init; }

    /// <summary>Whether the script expected a handoff on this turn; null when it said nothing about it.</summary>
    public bool? ExpectedHandoff { get; init; }
}

/// <summary>One conversation file (or one conversation of it), run once or <c>--repeat</c> times.</summary>
public sealed record ConversationResult(string Name, string Path, ConversationOutcome Outcome, IReadOnlyList<TurnResult> Turns)
{
    /// <summary>The shopper's locale the conversation was run in (its <c>locale=</c> header, else the bot's default).</summary>
    public string? Locale { get; init; }

    public string? Error { get; init; }

    public int Runs { get; init; } = 1;

    public int PassedRuns { get; init; }

    /// <summary>Whether the conversation was meant to end with a person (any turn expecting a handoff).</summary>
    public bool ExpectedHandoff { get; init; }

    public bool HandedOff { get; init; }

    public Containment Containment { get; init; }
}

/// <summary>The figures of a run (null where the scripts gave nothing to measure against).</summary>
public sealed record ConversationMetrics
{
    public int Conversations { get; init; }

    public int Turns { get; init; }

    public double TurnPassRate { get; init; }

    public double ConversationPassRate { get; init; }

    public int Flaky { get; init; }

    public int Errors { get; init; }

    public double? IntentAccuracy { get; init; }

    public double? FaqHitRate { get; init; }

    /// <summary>Conversations resolved without a person where the shopper said it helped.</summary>
    public double ContainmentConfirmed { get; init; }

    /// <summary>Conversations resolved without a person where the shopper did not say so.</summary>
    public double ContainmentAssumed { get; init; }

    public double? HandoffPrecision { get; init; }

    public double? HandoffRecall { get; init; }

    public double FirstResponseP50Ms { get; init; }

    public double FirstResponseP99Ms { get; init; }
}

/// <summary>A file the harness could not read, with the reason (<c>path:line: message</c>); the rest of the run goes on.</summary>
public sealed record FileProblem(string Path, int Line, string Message)
{
    public override string ToString() => $"{Path}:{Line}: {Message}";
}

/// <summary>A whole run: where it ran, every conversation, the metrics, and the files that could not be read.</summary>
public sealed record ConversationRun(DateTimeOffset At, string Target, IReadOnlyList<ConversationResult> Conversations, ConversationMetrics Metrics,
    IReadOnlyList<FileProblem> Problems)
{
    /// <summary>The same figures for each locale's conversations (empty in a run written before locales were reported).</summary>
    public IReadOnlyList<LocaleResults> Locales { get; init; } = [];
}

/// <summary>One locale's share of a run: its conversations that passed and its metrics.</summary>
public sealed record LocaleResults(string Locale, int Passed, ConversationMetrics Metrics);

/// <summary>Against an earlier run's JSON: what passed then and fails now, and what failed then and passes now.</summary>
public sealed record BaselineComparison(IReadOnlyList<string> Regressions, IReadOnlyList<string> Fixes);
