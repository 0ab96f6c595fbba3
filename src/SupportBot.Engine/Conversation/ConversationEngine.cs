using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Conversation.Schema;
using SupportBot.Drafting;
using SupportBot.Knowledge;
using SupportBot.Knowledge.Search;
using SupportBot.Understanding.Entities;
using SupportBot.Understanding.Intents;

namespace SupportBot.Conversation;

/// <summary>
/// One turn of a conversation, the same for every channel, the terminal chat and evaluation: understand (intent,
/// entities) → decide (small talk, FAQ answer, "did you mean", honest out-of-scope) → reply activities (answers
/// drafted through Semantic Kernel by <see cref="ReplyDrafter"/>), plus a
/// trace activity that records the decision. Turns of one conversation run one at a time, in arrival order, and a
/// retried message (same client activity id) gets the first replies again instead of a second turn.
/// </summary>
public sealed class ConversationEngine
{
    private static readonly HashSet<string> SmallTalkIntents = new(StringComparer.Ordinal) { "greeting", "thanks", "goodbye", "bot_challenge", "affirm", "deny" };
    private const int MaxRememberedTurns = 10_000;

    private readonly LiveKnowledge _knowledge;
    private readonly LiveIntents _intents;
    private readonly EntityExtractor _entities;
    private readonly TimeProvider _time;
    private readonly ConversationOptions _options;
    private readonly ReplyDrafter _drafter;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _turnLocks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Conversation, string ClientId), IReadOnlyList<Activity>> _answered = new();
    private readonly ConcurrentQueue<(string Conversation, string ClientId)> _answeredOrder = new();

    public ConversationEngine(LiveKnowledge knowledge, LiveIntents intents, ReplyDrafter drafter, TimeProvider time, IOptions<ConversationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _knowledge = knowledge;
        _intents = intents;
        _drafter = drafter;
        _time = time;
        _entities = new EntityExtractor(time);
        _options = options.Value;
    }

    public static ChannelAccount Bot { get; } = new("supportbot", "SupportBot", "bot");

    public async Task<IReadOnlyList<Activity>> HandleAsync(Activity inbound, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        var conversation = inbound.Conversation?.Id ?? "default";
        var turnLock = _turnLocks.GetOrAdd(conversation, _ => new SemaphoreSlim(1, 1));
        await turnLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var clientId = inbound.ClientActivityId;
            if (clientId is not null && _answered.TryGetValue((conversation, clientId), out var earlier))
            {
                return earlier;
            }

            var replies = await TurnAsync(inbound, cancellationToken).ConfigureAwait(false);
            if (clientId is not null && _answered.TryAdd((conversation, clientId), replies))
            {
                // The newest turns are the ones a client may still retry: the oldest are forgotten first.
                _answeredOrder.Enqueue((conversation, clientId));
                while (_answered.Count > MaxRememberedTurns && _answeredOrder.TryDequeue(out var oldest))
                {
                    _answered.TryRemove(oldest, out _);
                }
            }

            return replies;
        }
        finally
        {
            turnLock.Release();
        }
    }

    private async Task<List<Activity>> TurnAsync(Activity inbound, CancellationToken cancellationToken)
    {
        var knowledge = _knowledge.Current.Knowledge;
        var policies = knowledge.Policies;
        if (inbound.Type == ActivityTypes.ConversationUpdate)
        {
            return inbound.MembersAdded?.Any(m => m.Id != Bot.Id && m.Role != "bot") == true
                ? Reply(inbound, ReplyWriter.Welcome(policies, knowledge.Prompt), Topics(), Decision(TurnDecision.Welcome))
                : [];
        }

        if (inbound.Type != ActivityTypes.Message)
        {
            return [];
        }

        var text = inbound.Text?.Trim() ?? TextOfValue(inbound.Value);
        if (string.IsNullOrEmpty(text))
        {
            return Reply(inbound, ReplyWriter.EmptyMessage(), null, Decision(TurnDecision.NotUnderstood));
        }

        var intent = _intents.Current.Predict(text);
        var entities = _entities.Extract(text).Select(e => $"{e.Kind}:{e.Value}").ToList();
        if (SmallTalkIntents.Contains(intent.Intent) && intent.Confidence >= _options.SmallTalkConfidence)
        {
            return Reply(inbound, ReplyWriter.SmallTalk(intent.Intent, policies), null, Decision(TurnDecision.SmallTalk, intent, entities: entities));
        }

        if (intent.Intent == "talk_to_human" && !intent.IsOutOfScope)
        {
            return Reply(inbound, ReplyWriter.HumanContact(policies), null, Decision(TurnDecision.HumanContact, intent, entities: entities));
        }

        var answer = _knowledge.Current.Index.Search(text, 3);
        var bar = _knowledge.MinConfidence;
        if (intent.IsOutOfScope && answer.Confidence < bar)
        {
            return Reply(inbound, ReplyWriter.OutOfScope(policies), Topics(), Decision(TurnDecision.OutOfScope, intent, answer, entities));
        }

        var close = answer.Hits.Skip(1).Where(h => answer.Confidence - h.Confidence <= _options.AmbiguityMargin).ToList();
        if (answer.Confidence >= bar && close.Count == 0)
        {
            var draft = await _drafter.DraftAsync(new DraftRequest(text, answer.Hits, ShopperProfile.FromDisplayName(inbound.From?.Name)), cancellationToken)
                .ConfigureAwait(false);
            return Reply(inbound, draft.Markdown, null, Decision(TurnDecision.Answer, intent, answer, entities) with
            {
                Drafter = draft.Drafter,
                DraftFallback = draft.Fallback,
                LowConfidence = draft.LowConfidence,
                Cited = draft.Sources,
            });
        }

        if (answer.Confidence >= _options.SuggestionConfidence)
        {
            var choices = answer.Hits.Where(h => h == answer.Best || close.Contains(h) || h.Confidence >= _options.SuggestionConfidence)
                .Select(h => CardAction.Say(h.Entry.Title)).ToList();
            return Reply(inbound, ReplyWriter.DidYouMean(), choices, Decision(TurnDecision.Clarify, intent, answer, entities));
        }

        return Reply(inbound, ReplyWriter.NotUnderstood(), Topics(), Decision(TurnDecision.NotUnderstood, intent, answer, entities));
    }

    private List<Activity> Reply(Activity inbound, string text, IReadOnlyList<CardAction>? actions, TurnDecision decision)
    {
        var envelope = new Activity
        {
            Timestamp = _time.GetUtcNow(),
            ChannelId = inbound.ChannelId,
            From = Bot,
            Recipient = inbound.From,
            Conversation = inbound.Conversation,
            ReplyToId = inbound.Id,
        };
        var message = envelope with
        {
            Type = ActivityTypes.Message,
            Locale = inbound.Locale,
            Text = text,
            TextFormat = "markdown",
            InputHint = "acceptingInput",
            SuggestedActions = actions is { Count: > 0 } ? new SuggestedActions(actions) : null,
        };
        var trace = envelope with
        {
            Type = ActivityTypes.Trace,
            Name = "SupportBot.Decision",
            Label = decision.Action,
            ValueType = "https://supportbot/schemas/decision",
            Value = JsonSerializer.SerializeToElement(decision),
        };
        return [message, trace];
    }

    private static List<CardAction> Topics() => ReplyWriter.Topics.Select(t => CardAction.Say(t)).ToList();

    private static TurnDecision Decision(string action, IntentPrediction? intent = null, KnowledgeAnswer? answer = null, IReadOnlyList<string>? entities = null) => new(
        action,
        intent?.Intent,
        intent?.Confidence ?? 0,
        answer?.Best?.Entry.Id,
        answer?.Confidence ?? 0,
        answer?.Hits.Select(h => h.Entry.Id).ToList() ?? [],
        entities ?? []);

    /// <summary>A postBack or card submit carries its meaning in <c>value</c>, not <c>text</c>.</summary>
    private static string? TextOfValue(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        _ => null,
    };
}
