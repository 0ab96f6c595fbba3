using SupportBot.Schema;
using SupportBot.Handoff;
using SupportBot.Languages;
using SupportBot.Storage;

namespace SupportBot.Host.Agents;

/// <summary>The signed-in agent.</summary>
internal sealed record AgentView(string Id, string Name, IReadOnlyList<string> Reasons)
{
    public static AgentView Of(AgentAccount agent) => new(agent.Id, agent.Name, agent.Reasons.Count == 0 ? ["*"] : [.. agent.Reasons]);
}

/// <summary>One entry of the queue as the console lists it.</summary>
/// <param name="Language">The language the shopper writes in now (two letters, docs/LANGUAGES.md), and its English name for the agent.</param>
internal sealed record QueueItemView(
    string Id, string ConversationId, string? ChannelId, string Status, string Reason, string ReasonText, string? Intent, double Confidence,
    string? ShopperName, string? Email, int Priority, DateTimeOffset CreatedAt, long WaitSeconds, string? AgentId, string? AgentName, string? LastMessage,
    string? Language, string? LanguageName)
{
    public static QueueItemView Of(HandoffTicket t, DateTimeOffset now) => new(
        t.Id, t.ConversationId, t.ChannelId, t.Status.ToString().ToLowerInvariant(), t.Reason, HandoffReasons.Describe(t.Reason), t.Intent,
        Math.Round(t.Confidence, 3), t.ShopperName, t.Email, t.Priority, t.CreatedAt, (long)Math.Max(0, ((t.ClaimedAt ?? now) - t.CreatedAt).TotalSeconds),
        t.AgentId, t.AgentName, t.LastMessage, t.Language, t.Language is { } code ? LanguageCodes.EnglishName(code) : null);
}

internal sealed record QueueView(IReadOnlyList<QueueItemView> Items, int AgentsOnline);

/// <summary>A message of the transcript: who (shopper, bot or agent), their name, and the text.</summary>
internal sealed record TranscriptLine(long Seq, string From, string? Name, string Text, DateTimeOffset? Timestamp)
{
    public static IReadOnlyList<TranscriptLine> Of(IEnumerable<StoredActivity> stored, string botName) => stored
        .Where(s => s.Activity.Type == ActivityTypes.Message && (!string.IsNullOrEmpty(s.Activity.Text) || s.Activity.Attachments is { Count: > 0 }))
        .Select(s => (s.Sequence, s.Activity, Speaker: Speaker(s.Activity)))
        .Select(s => new TranscriptLine(s.Sequence, s.Speaker, s.Speaker == "bot" ? botName : s.Activity.From?.Name,
            string.IsNullOrEmpty(s.Activity.Text) ? "[card]" : s.Activity.Text!, s.Activity.Timestamp))
        .ToList();

    /// <summary>Only the server writes role "bot" (the bot, and agents as <c>agent:…</c>); whatever else a channel sends is the shopper.</summary>
    private static string Speaker(Activity activity) =>
        activity.From?.Role != "bot" ? "shopper" : activity.From.Id.StartsWith("agent:", StringComparison.Ordinal) ? "agent" : "bot";
}

/// <summary>The shopper's thumbs on one of the bot's answers: the answer's line (<see cref="TranscriptLine.Seq"/>) and <c>up</c> or <c>down</c>.</summary>
internal sealed record LineVote(long Seq, string Vote)
{
    public static IReadOnlyList<LineVote> Of(IEnumerable<AnswerVote> votes) => [.. votes.Select(v => new LineVote(v.AnswerSequence, v.Vote))];
}

/// <param name="Votes">Every vote of the conversation, not only on the lines after the watermark: a shopper may vote on an answer shown long before.</param>
internal sealed record TranscriptView(IReadOnlyList<TranscriptLine> Lines, long Watermark, IReadOnlyList<LineVote> Votes);

/// <summary>A handoff opened in the console: the queue entry's fields, the bot's summary, the transcript and a suggested reply.</summary>
internal sealed record HandoffView(
    string Id, string ConversationId, string? ChannelId, string Status, string Reason, string ReasonText, string? Intent, double Confidence,
    string? ShopperName, string? Email, int Priority, DateTimeOffset CreatedAt, long WaitSeconds, string? AgentId, string? AgentName, string? LastMessage,
    string? Language, string? LanguageName, string Summary, IReadOnlyDictionary<string, string> Slots, IReadOnlyDictionary<string, string> Signals,
    IReadOnlyList<TranscriptLine> Transcript, long Watermark, IReadOnlyList<LineVote> Votes, string? SuggestedReply, string? SuggestedSource)
{
    public static HandoffView Of(QueueItemView i, HandoffTicket t, TranscriptView transcript, SuggestedReply? suggestion) => new(
        i.Id, i.ConversationId, i.ChannelId, i.Status, i.Reason, i.ReasonText, i.Intent, i.Confidence, i.ShopperName, i.Email, i.Priority, i.CreatedAt,
        i.WaitSeconds, i.AgentId, i.AgentName, i.LastMessage, i.Language, i.LanguageName, t.Summary, t.Slots, t.Signals, transcript.Lines, transcript.Watermark, transcript.Votes,
        suggestion?.Markdown, suggestion?.SourceTitle);
}

internal sealed record SignInBody(string? Id, string? Password);

internal sealed record AgentMessageBody(string? Text, string? ClientId);

internal sealed record SentView(long Seq);
