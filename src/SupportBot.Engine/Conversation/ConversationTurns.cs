using Stopwatch = System.Diagnostics.Stopwatch;
using TagList = System.Diagnostics.TagList;
using TraceSpan = System.Diagnostics.Activity;
using SupportBot.Schema;
using SupportBot.Feedback;
using SupportBot.Handoff;
using SupportBot.Storage;
using SupportBot.Telemetry;

namespace SupportBot.Conversation;

/// <summary>One turn as stored: the shopper's activity (absent for a conversation update) and the bot's replies.</summary>
/// <param name="Repeated">The client sent this activity before: these are the replies it got then, and nothing ran again.</param>
internal sealed record TurnRecord(StoredActivity? Inbound, IReadOnlyList<StoredActivity> Replies, bool Repeated)
{
    /// <summary>What the turn did besides replying (none when <see cref="Repeated"/>: that was reported the first time).</summary>
    public IReadOnlyList<TurnEvent> Events { get; init; } = [];

    /// <summary>Everything this turn added to the transcript, in order.</summary>
    public IReadOnlyList<StoredActivity> All => Inbound is null ? Replies : [Inbound, .. Replies];

    public IReadOnlyList<Activity> ReplyActivities => [.. Replies.Select(r => r.Activity)];
}

/// <summary>
/// Where every turn starts, whatever the channel (Direct Line, Bot Connector, the terminal chat, evaluation):
/// <list type="number">
/// <item>wait for the conversation's one lock (<see cref="ITurnStore"/>: in this process, and on every instance over a shared database);</item>
/// <item>a client activity id seen before is answered with the replies stored then — after a restart, or on another instance, too;</item>
/// <item>the saved <see cref="ConversationState"/> is read (a new one after <see cref="ConversationState.IdleLifetime"/> idle);</item>
/// <item><see cref="ConversationEngine"/> runs the turn on it and returns plain values (<see cref="TurnResult"/>);</item>
/// <item><see cref="TurnRenderer"/> makes the channel's activities of them;</item>
/// <item>the shopper's activity, the replies and the new state are committed together, or nothing is (with a thumbs-up or -down
/// on an answer when the activity is a feedback event that <see cref="FeedbackCheck"/> holds good).</item>
/// </list>
/// Activities written outside a turn (what an agent says) go through <see cref="TranscriptAppends.AppendOnceAsync"/>, under the same lock.
/// </summary>
internal sealed class ConversationTurns(ConversationEngine engine, TurnRenderer renderer, ITurnStore turns, IConversationStore conversations, IAgentSession agents,
    BotTelemetry telemetry, TimeProvider time)
{
    /// <summary>Runs (or replays) one turn; <paramref name="stamp"/> lets the channel set what it owns (channel id, server time) before storing.</summary>
    /// <param name="botWillReply">Called once the turn knows the bot, not a person, is answering (Web Chat's typing indicator).</param>
    public async Task<TurnRecord> HandleAsync(ConversationKey key, Activity inbound, ClientIdentity client, Func<Activity, Activity>? stamp = null,
        Action? botWillReply = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        ArgumentNullException.ThrowIfNull(client);
        stamp ??= Timestamped;
        var started = Stopwatch.GetTimestamp();
        using var span = BotTelemetry.Source.StartActivity("turn");
        span?.SetTag("supportbot.conversation", BotTelemetry.ConversationTag(key.Value));
        span?.SetTag("supportbot.channel", inbound.ChannelId);
        var lockWait = telemetry.Stage(Stages.LockWait);
        await using var turn = await turns.BeginAsync(key.Value, inbound.ClientActivityId, SqlHandoffStore.Standing, cancellationToken).ConfigureAwait(false);
        lockWait.Dispose();
        if (turn.Earlier is { } earlier)
        {
            span?.SetTag("supportbot.outcome", "repeated");
            return new TurnRecord(earlier, await turn.RepliesToAsync(earlier, cancellationToken).ConfigureAwait(false), Repeated: true);
        }

        if (turn.State is null)
        {
            await conversations.CreateAsync(key.Value, inbound.From?.Id, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }

        // A conversation update only asks for the welcome: the replies are stored, the update is not.
        var stored = inbound.Type != ActivityTypes.ConversationUpdate;
        var echo = stored ? stamp(inbound with { Id = turn.NextId }) : inbound;
        var handoff = turn.Opened;
        if (!handoff.WithAgent && !AnswerFeedback.IsFeedback(inbound))
        {
            botWillReply?.Invoke();
        }

        var state = ConversationState.FromJson(turn.State?.Json);
        // The state lapses after an idle half hour; the conversation's language does not.
        state.Language ??= turn.Language;
        var before = TurnBefore.Of(state, echo);
        var result = await engine.HandleAsync(key, state, echo, client, handoff, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<Activity> replies;
        using (telemetry.Stage(Stages.Render))
        {
            replies = renderer.Render(echo, result);
        }

        var now = time.GetUtcNow();
        List<Activity> activities = [.. stored ? [echo] : Array.Empty<Activity>(), .. replies.Select(r => stamp(r with { ReplyToId = echo.Id ?? r.ReplyToId }))];
        IReadOnlyList<StoredActivity> committed;
        using (telemetry.Stage(Stages.StoreCommit))
        {
            var fact = stored && echo.Type == ActivityTypes.Message ? TurnFactOf.Of(echo, before, result, now) : null;
            var vote = AnswerFeedback.IsFeedback(echo) ? await FeedbackCheck.VoteAsync(echo, turn, now, cancellationToken).ConfigureAwait(false) : null;
            committed = await turn.CommitAsync(activities, result.State.ToJson(), now + ConversationState.IdleLifetime, Seen(echo), fact, vote, result.State.Language, cancellationToken)
                .ConfigureAwait(false);
        }

        foreach (var wrote in result.Events.OfType<ShopperWroteToAgent>())
        {
            await agents.ShopperWroteAsync(wrote.Ticket, cancellationToken).ConfigureAwait(false);
        }

        Count(inbound, result, span, Stopwatch.GetElapsedTime(started));
        var record = stored ? new TurnRecord(committed[0], [.. committed.Skip(1)], false) : new TurnRecord(null, committed, false);
        return record with { Events = result.Events };
    }

    private void Count(Activity inbound, TurnResult result, TraceSpan? span, TimeSpan took)
    {
        var outcome = result.Decision?.Action ?? "none";
        span?.SetTag("supportbot.outcome", outcome);
        span?.SetTag("supportbot.language", result.State.Language);
        var tags = new TagList { { "channel", inbound.ChannelId ?? "unknown" }, { "outcome", outcome } };
        telemetry.TurnDuration.Record(took.TotalSeconds, tags);
        foreach (var handoff in result.Events.OfType<HandoffRequested>())
        {
            telemetry.Handoffs.Add(1, new KeyValuePair<string, object?>("reason", handoff.Reason), new KeyValuePair<string, object?>("state", handoff.State));
        }
    }

    /// <summary>A shopper's message counts on their profile (Web Chat, a Bot Framework channel, the terminal); the bot's own updates do not.</summary>
    private static ShopperSeen? Seen(Activity inbound) =>
        inbound is { Type: ActivityTypes.Message, From.Id: { Length: > 0 } user, Timestamp: { } at } ? new ShopperSeen(user, inbound.From.Name, inbound.Locale, at) : null;

    private Activity Timestamped(Activity activity) => activity.Timestamp is null ? activity with { Timestamp = time.GetUtcNow() } : activity;
}
