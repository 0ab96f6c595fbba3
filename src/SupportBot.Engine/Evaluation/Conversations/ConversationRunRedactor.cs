using SupportBot.Privacy;

namespace SupportBot.Evaluation.Conversations;

/// <summary>
/// Takes personal data out of a run before any report of it is written (text, JSON, JUnit, HTML): a run against a live
/// bot sees real shipping addresses, tracking links and e-mails, and reports travel to CI logs and team chats. Every
/// kind becomes its plain marker (<c>[address]</c>); order numbers stay, a report needs them to be read.
/// </summary>
internal static class ConversationRunRedactor
{
    private static readonly PersonalDataRedactor Redactor = new([], [], RetentionPurge.Marker, orderNumbers: false);

    public static ConversationRun Redact(ConversationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run with { Conversations = [.. run.Conversations.Select(Redact)] };
    }

    private static ConversationResult Redact(ConversationResult conversation) => conversation with
    {
        Turns = [.. conversation.Turns.Select(Redact)],
        Error = conversation.Error is null ? null : Redactor.Redact(conversation.Error),
    };

    private static TurnResult Redact(TurnResult turn) => turn with
    {
        UserText = Redactor.Redact(turn.UserText),
        Failures = [.. turn.Failures.Select(f => f with
        {
            Expected = Redactor.Redact(f.Expected),
            Actual = Redactor.Redact(f.Actual),
            Diff = f.Diff is null ? null : Redactor.Redact(f.Diff),
        })],
        Actual = turn.Actual with
        {
            Texts = [.. turn.Actual.Texts.Select(Redactor.Redact)],
            Suggestions = [.. turn.Actual.Suggestions.Select(Redactor.Redact)],
        },
    };
}
