using SupportBot.Evaluation.Conversations;

namespace SupportBot.Host.Reports;

/// <summary>How the conversation reports name things, so the JUnit file and the HTML page say the same words.</summary>
internal static class ConversationWords
{
    /// <summary>Where a turn is: its number in the conversation and its line in the file, which is what an editor jumps to.</summary>
    public static string TurnPlace(TurnResult turn) => FormattableString.Invariant($"turn {turn.Index} (line {turn.Line})");

    public static string OutcomeWord(ConversationOutcome outcome) => outcome switch
    {
        ConversationOutcome.Passed => "passed",
        ConversationOutcome.Failed => "failed",
        ConversationOutcome.Flaky => "flaky",
        _ => "error",
    };

    public static string ContainmentWord(Containment containment) => containment switch
    {
        Containment.Confirmed => "confirmed",
        Containment.Assumed => "assumed",
        _ => "none",
    };

    public static string FlakyRuns(ConversationResult conversation) =>
        FormattableString.Invariant($"flaky: passed {conversation.PassedRuns} of {conversation.Runs} runs");

    public static IEnumerable<TurnResult> FailingTurns(ConversationResult conversation) => conversation.Turns.Where(t => !t.Passed);

    /// <summary>The reason a conversation that could not run gives, or a stand-in when the runner left none.</summary>
    public static string ErrorText(ConversationResult conversation) =>
        string.IsNullOrWhiteSpace(conversation.Error) ? "the conversation could not be run" : conversation.Error;
}
