using System.Text.Json;
using SupportBot.Schema;
using SupportBot.Drafting;
using SupportBot.Handoff;
using SupportBot.Knowledge;
using SupportBot.Replies;
using SupportBot.Understanding.Entities;
using SupportBot.Understanding.Intents;
using static SupportBot.Conversation.TurnReplies;

namespace SupportBot.Conversation;

/// <summary>
/// The turns that involve people: handing a conversation off, a message while it is queued or with an agent, the
/// answer to "leave a message?", and an external contact centre's <c>handoff.status</c>.
/// </summary>
internal sealed class HandoffTurns(IHandoffLine line, IAgentSession agents, LiveIntents intents, LiveKnowledge knowledge, ConversationOptions options)
{
    public const string StatusEvent = "handoff.status";

    /// <summary>The <c>handoff.status</c> states a contact centre reports (the Bot Framework handoff protocol).</summary>
    private static readonly HashSet<string> States = new(StringComparer.Ordinal) { "accepted", "failed", "completed" };

    private const int MaxAgentNameLength = 100;

    private HandoffWords WordsFor(ConversationState state) => HandoffWords.Of(knowledge.Current.Knowledge, ReplyLanguage.Of(state.Language));

    /// <summary>The Bot Framework handoff protocol's events (<c>handoff.initiate</c>, <c>handoff.status</c>).</summary>
    public static bool IsHandoffEvent(string? name) => name?.StartsWith("handoff.", StringComparison.Ordinal) == true;

    /// <summary>Hands the conversation to a person (or offers to take a message when no one is there).</summary>
    public async Task<TurnResult> HandOffAsync(TurnContext turn, HandoffVerdict verdict, string prefix, CancellationToken cancellationToken)
    {
        var session = turn.Session;
        var slots = session.Summary();
        session.EndFlow();
        var memory = turn.State.Handoff;
        memory.ConsecutiveFallbacks = 0;
        var name = session.FirstName ?? ShopperProfile.FromDisplayName(turn.Inbound.From?.Name).FirstName;
        var request = new HandoffRequest(turn.Key, turn.Inbound, verdict, turn.Intent.IsOutOfScope ? null : turn.Intent.Intent, turn.Intent.Confidence, turn.Text, slots, name)
        {
            Earlier = memory.RecentTexts.Where(t => t != turn.Text).ToList(),
            Client = session.Client,
            Language = turn.Language,
        };
        var outcome = await line.HandOffAsync(request, memory, cancellationToken).ConfigureAwait(false);
        var decision = turn.Decision(TurnDecision.Transfer) with
        {
            Handoff = verdict.Reason,
            HandoffSignals = verdict.Signals,
            HandoffState = outcome.State,
            HandoffId = outcome.Ticket?.Id,
            Slots = slots,
        };
        var reply = new BotReply(prefix + WordsFor(turn.State).Preface(verdict.Reason) + outcome.Text, outcome.Choices) { HandoffState = outcome.State };
        return Result(turn.State, reply, decision, new HandoffRequested(verdict.Reason, outcome.State, outcome.Ticket?.Id, outcome.ContactCentreEvent));
    }

    /// <summary>A message while the conversation is with people: silence while an agent owns it; in the queue, its place (or leaving it).</summary>
    public async Task<TurnResult> WhileHandedOffAsync(ConversationState state, HandoffTicket open, string? text, CancellationToken cancellationToken)
    {
        // What the message is about is still recorded: for the agent's and the evaluation's reading of the trace.
        var intent = string.IsNullOrEmpty(text) ? null : await intents.Current.PredictAsync(text, cancellationToken).ConfigureAwait(false);
        var decision = new TurnDecision(TurnDecision.WithAgent, intent?.Intent, intent?.Confidence ?? 0, null, 0, [], [])
        {
            Handoff = open.Reason,
            HandoffId = open.Id,
            HandoffState = open.Status.ToString().ToLowerInvariant(),
        };
        if (open.Status == HandoffStatus.Assigned)
        {
            return new TurnResult(state, null, decision, [new ShopperWroteToAgent(open)]);
        }

        if (text is not null && IsStop(text))
        {
            await line.LeaveQueueAsync(open, cancellationToken).ConfigureAwait(false);
            var left = new BotReply(WordsFor(state).LeftQueue(), ReplyWriter.Of(knowledge.Current.Knowledge, ReplyLanguage.Of(state.Language)).Topics()) { HandoffState = HandoffStates.BackToBot };
            return Result(state, left, decision with { Action = TurnDecision.LeftQueue });
        }

        var waiting = open.Status == HandoffStatus.Pending ? WordsFor(state).StillConnecting() : WordsFor(state).StillQueued(await line.PositionOfAsync(open, cancellationToken).ConfigureAwait(false));
        return Result(state, new BotReply(waiting) { HandoffState = HandoffStates.Queued }, decision);
    }

    /// <summary>The answer to "leave a message?": an e-mail address makes it a ticket; "no thanks" declines; anything else is a new question.</summary>
    public async Task<TurnResult?> AnswerOfferAsync(TurnContext turn, PendingMessageOffer offer, IReadOnlyList<Entity> found, CancellationToken cancellationToken)
    {
        if (found.FirstOrDefault(e => e.Kind == EntityKind.Email) is { } email)
        {
            var ticket = await line.LeaveMessageAsync(offer, email.Value, turn.Text, cancellationToken).ConfigureAwait(false);
            var decision = turn.Decision(TurnDecision.MessageTaken) with { Handoff = ticket.Reason, HandoffId = ticket.Id, HandoffState = "ticket" };
            return Result(turn.State, new BotReply(WordsFor(turn.State).MessageTaken(email.Value)), decision,
                new HandoffRequested(ticket.Reason, "ticket", ticket.Id, null));
        }

        var declined = turn.Text.TrimEnd('.', '!').Equals(WordsFor(turn.State).NoThanks, StringComparison.OrdinalIgnoreCase)
            || IsStop(turn.Text)
            || (turn.Intent.Intent == "deny" && turn.Intent.Confidence >= options.SmallTalkConfidence);
        return declined ? Result(turn.State, Say(WordsFor(turn.State).OfferDeclined(), ReplyWriter.Of(knowledge.Current.Knowledge, turn.Speaks).Topics(), turn.Decision(TurnDecision.SmallTalk))) : null;
    }

    /// <summary>
    /// The external contact centre's <c>handoff.status</c>: <c>{"state": "accepted" | "failed" | "completed",
    /// "agentName"?: string}</c>; anything else is ignored.
    /// </summary>
    public async Task<TurnResult> ExternalStatusAsync(ConversationState state, Activity inbound, string conversation, CancellationToken cancellationToken)
    {
        if (inbound.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("state", out var s) || s.ValueKind != JsonValueKind.String || s.GetString() is not { } reported || !States.Contains(reported))
        {
            return TurnResult.Nothing(state);
        }

        string? agent = null;
        if (value.TryGetProperty("agentName", out var a))
        {
            agent = a.ValueKind == JsonValueKind.String ? a.GetString()!.Trim() : null;
            if (agent is null || agent.Length is 0 or > MaxAgentNameLength)
            {
                return TurnResult.Nothing(state);
            }
        }

        if (await agents.ExternalStatusAsync(conversation, reported, agent, cancellationToken).ConfigureAwait(false) is not { } said)
        {
            return TurnResult.Nothing(state);
        }

        return Result(state, new BotReply(said.Text, said.Choices) { HandoffState = said.State }, Decision(TurnDecision.HandoffStatus) with { HandoffState = reported });
    }
}
