using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Configuration;
using SupportBot.Schema;
using SupportBot.Drafting;
using SupportBot.Handoff;
using SupportBot.Orders;
using SupportBot.Orders.Flows;
using SupportBot.Telemetry;
using SupportBot.Knowledge;
using SupportBot.Knowledge.Search;
using SupportBot.Languages;
using SupportBot.Replies;
using SupportBot.Understanding.Entities;
using SupportBot.Understanding.Intents;
using static SupportBot.Conversation.TurnReplies;

namespace SupportBot.Conversation;

/// <summary>
/// What the bot does with one message, the same for every channel, the terminal chat and evaluation: understand
/// (intent, entities) → decide (small talk, FAQ answer, an order flow, "did you mean", honest out-of-scope, a person)
/// → a <see cref="TurnResult"/> of plain values: the reply (answers drafted through Semantic Kernel by
/// <see cref="ReplyDrafter"/>), the decision, and the events; <see cref="TurnRenderer"/> makes activities of them. It works on the conversation's <see cref="ConversationState"/> it is given and keeps
/// nothing between turns: <see cref="ConversationTurns"/> loads that state, serialises the turns, and saves it.
/// </summary>
internal sealed partial class ConversationEngine
{
    private static readonly HashSet<string> SmallTalkIntents = new(StringComparer.Ordinal) { "greeting", "thanks", "goodbye", "bot_challenge", "affirm", "deny" };
    /// <summary>An out-of-scope verdict at least this sure outweighs a confident FAQ match (docs/ARCHITECTURE.md).</summary>
    private const double SureOutOfScope = 0.75;

    private readonly LiveKnowledge _knowledge;
    private readonly LiveIntents _intents;
    private readonly EntityExtractor _entities;
    private readonly TimeProvider _time;
    private readonly ConversationOptions _options;
    private readonly ReplyDrafter _drafter;
    private readonly OrderDialog _dialog;
    private readonly IHandoffLine _line;
    private readonly IAgentSession _session;
    private readonly HandoffPolicy _policy;
    private readonly HandoffTurns _handoffs;
    private readonly LimitsOptions _limits;
    private readonly BotTelemetry _telemetry;
    private readonly LanguageResolver _languages;

    public ConversationEngine(LiveKnowledge knowledge, LiveIntents intents, ReplyDrafter drafter, OrderDialog dialog,
        IHandoffLine line, IAgentSession session, HandoffPolicy policy, TimeProvider time, IOptions<ConversationOptions> options, IOptions<LimitsOptions> limits,
        BotTelemetry telemetry, LanguageResolver languages)
    {
        _languages = languages;
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(limits);
        _telemetry = telemetry;
        _limits = limits.Value;
        _options = options.Value;
        _line = line;
        _session = session;
        _policy = policy;
        _handoffs = new HandoffTurns(line, session, intents, knowledge, _options);
        _knowledge = knowledge;
        _intents = intents;
        _drafter = drafter;
        _dialog = dialog;
        _time = time;
        _entities = new EntityExtractor(time);
    }

    public static ChannelAccount Bot => Participants.Bot;

    /// <summary>
    /// One turn of the conversation <paramref name="key"/> names (the adapter that received the activity builds the key,
    /// never the activity), on its <paramref name="state"/>: the turn owns that instance and returns it, changed, in the result.
    /// </summary>
    /// <param name="client">Who sent it, as the channel adapter knows it from the transport (never from the activity's own fields).</param>
    public Task<TurnResult> HandleAsync(ConversationKey key, ConversationState state, Activity inbound, ClientIdentity client,
        CancellationToken cancellationToken = default) => HandleAsync(key, state, inbound, client, null, cancellationToken);

    /// <param name="standing">Where the conversation stands with people, when the caller read it with the state
    /// (<see cref="ConversationTurns"/> does, in the turn's first command); null to ask the handoff store.</param>
    public async Task<TurnResult> HandleAsync(ConversationKey key, ConversationState state, Activity inbound, ClientIdentity client,
        HandoffStanding? standing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(inbound);
        ArgumentNullException.ThrowIfNull(client);
        return await TurnAsync(key, state, inbound, client, standing, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TurnResult> TurnAsync(ConversationKey key, ConversationState state, Activity inbound, ClientIdentity client, HandoffStanding? standing,
        CancellationToken cancellationToken)
    {
        var knowledge = _knowledge.Current.Knowledge;
        var conversation = key.Value;
        if (inbound.Type == ActivityTypes.ConversationUpdate)
        {
            // The welcome speaks the language the channel started the conversation in (Direct Line's start, Web Chat's locale).
            state.Language = _languages.Start(state.Language, inbound.Locale);
            return inbound.MembersAdded?.Any(m => m.Id != Bot.Id && m.Role != "bot") == true
                ? Result(state, Welcome(ReplyWriter.Of(knowledge, ReplyLanguage.Of(state.Language)), knowledge.Prompt))
                : TurnResult.Nothing(state);
        }

        if (inbound.Type == ActivityTypes.Event && HandoffTurns.IsHandoffEvent(inbound.Name))
        {
            // Only an authenticated contact-centre channel reports on handoffs; from a shopper's browser they are ignored.
            return key.IsAuthenticatedChannel && inbound.Name == HandoffTurns.StatusEvent
                ? await _handoffs.ExternalStatusAsync(state, inbound, conversation, cancellationToken).ConfigureAwait(false)
                : TurnResult.Nothing(state);
        }

        if (inbound.Type != ActivityTypes.Message)
        {
            return TurnResult.Nothing(state);
        }

        // Everything below reads the capped text: its cost is bounded however long the message (the transcript keeps it whole).
        var (text, cut) = TextBudget.Cap(inbound.Text?.Trim() ?? TextOfValue(inbound.Value), _limits.MaxTextCharacters);
        var language = await _languages.ResolveAsync(state.Language, inbound.Locale, text, SaysNothingOfTheLanguage(state, text), cancellationToken).ConfigureAwait(false);
        state.Language = language.Language;
        var result = await MessageTurnAsync(key, state, inbound, client, LanguageAside.Without(text), knowledge, standing, cancellationToken).ConfigureAwait(false);
        result = result.Decision is { } decided ? result with { Decision = decided with { Language = language.Language } } : result;
        return cut ? NoteReadOnlyTheStart(result, ReplyWriter.Of(knowledge, ReplyLanguage.Of(state.Language))) : result;
    }

    private async Task<TurnResult> MessageTurnAsync(ConversationKey key, ConversationState state, Activity inbound, ClientIdentity client, string? text, KnowledgeBase knowledge,
        HandoffStanding? standing, CancellationToken cancellationToken)
    {
        var conversation = key.Value;
        var speaks = ReplyLanguage.Of(state.Language ?? _languages.Default);
        var language = speaks.Code;
        var policies = knowledge.Policies;
        var snapshot = _knowledge.Current;
        var open = standing is null ? await _line.OpenForAsync(conversation, cancellationToken).ConfigureAwait(false) : standing.Open;
        if (open is not null)
        {
            return await _handoffs.WhileHandedOffAsync(state, open, text, cancellationToken).ConfigureAwait(false);
        }

        if (string.IsNullOrEmpty(text))
        {
            return Result(state, Say(ReplyWriter.Of(knowledge, speaks).EmptyMessage(), null, Decision(TurnDecision.NotUnderstood)));
        }

        if (standing?.RatingAsked != false && await _session.TryRateAsync(conversation, text, cancellationToken).ConfigureAwait(false) is { } rating)
        {
            return Result(state, new BotReply(HandoffWords.Of(knowledge, speaks).Rated(rating)), Decision(TurnDecision.Rated), new RatingGiven(rating));
        }

        IntentPrediction intent;
        IReadOnlyList<Entity> found;
        float[]? vector;
        string understood;
        using (_telemetry.Stage(Stages.Understanding))
        {
            // The message is embedded once; the intent model and the knowledge search share the vector. Both read it
            // with misspellings corrected ("retrun" as "return"), as the search does, so a typo is not out of scope.
            understood = snapshot.Indexes.For(language).Respell(text);
            vector = await _knowledge.Embeddings.For(language).EmbedMessageAsync(understood, cancellationToken).ConfigureAwait(false);
            var model = await _intents.ForAsync(language, cancellationToken).ConfigureAwait(false);
            intent = model.Predict(understood, vector);
            found = _entities.Extract(text);
        }

        var entities = found.Select(e => $"{e.Kind}:{e.Value}").ToList();
        var session = state.Order;
        session.Client = client;
        var turn = new TurnContext(key, inbound, text, intent, entities, state)
        {
            Vector = vector, Understood = understood, Pressed = ButtonsIn(speaks).Pressed(text), Language = language,
        };
        var memory = state.Handoff;
        if (memory.Offer is { } offer)
        {
            memory.Offer = null;
            if (await _handoffs.AnswerOfferAsync(turn, offer, found, cancellationToken).ConfigureAwait(false) is { } answered)
            {
                return answered;
            }
        }

        // Pressing one of the bot's own buttons ("Did you mean …?") may repeat an earlier question without any frustration.
        var pressedOffer = memory.WasOffered(text);
        var frustration = FrustrationDetector.Read(knowledge.In(language).Frustration, text, pressedOffer ? [] : memory.RecentTexts);
        memory.Remember(text);
        var asked = (intent.Intent == "talk_to_human" && !intent.IsOutOfScope)
            || turn.Pressed == FlowButtons.Handoff;
        if (_policy.BeforeAnswer(intent.Intent, intent.Confidence, intent.IsOutOfScope, asked, frustration) is { } before)
        {
            using var handingOff = _telemetry.Stage(Stages.Handoff);
            return await _handoffs.HandOffAsync(turn, before, "", cancellationToken).ConfigureAwait(false);
        }

        var input = new DialogInput(text, intent.IsOutOfScope ? null : intent.Intent, found, OrderPolicies.From(policies, language)) { Responses = knowledge.Responses, Language = speaks };
        var outcome = await RouteAsync(turn, input, cancellationToken).ConfigureAwait(false);
        memory.Offered = outcome.Choices ?? [];
        if (_policy.AfterAnswer(outcome.Decision, intent.IsOutOfScope, outcome.FlowHandoff, memory) is { } after)
        {
            using var handingOff = _telemetry.Stage(Stages.Handoff);
            return await _handoffs.HandOffAsync(turn, after, outcome.FlowHandoff is null ? "" : outcome.Text + "\n\n", cancellationToken).ConfigureAwait(false);
        }

        return Result(state, outcome);
    }

    private async Task<Outcome> RouteAsync(TurnContext turn, DialogInput input, CancellationToken cancellationToken)
    {
        var (text, intent, session) = (turn.Text, turn.Intent, turn.Session);
        var found = input.Entities;
        if (await _dialog.TryLeaveAsync(session, input, cancellationToken).ConfigureAwait(false) is { } left)
        {
            // Ending a flow offers the topics again; starting it over asks its first question.
            return left.Exit == FlowExit.Restart ? FlowReply(turn, left.Reply) : Say(left.Reply.Text, WordsFor(turn).Topics(), turn.Decision(TurnDecision.FlowExit));
        }

        if (turn.Pressed is { } pressed)
        {
            return FlowReply(turn, await TimedAsync(_dialog.StartAsync(session, pressed, input, keepOrder: true, cancellationToken)).ConfigureAwait(false));
        }

        if (session.Flow is not null)
        {
            if (_dialog.TryContinue(session, input, cancellationToken) is { } continued)
            {
                return FlowReply(turn, await TimedAsync(continued).ConfigureAwait(false));
            }

            // Another flow's request switches flows; a question about it ("wait, how do exchanges work?") is a digression.
            if (FlowOf(intent) is { } other && other != session.Flow && intent.Confidence >= _options.FlowConfidence && !RequestOrQuestion.AsksAboutThePolicy(Digressions.WithoutFillers(text)))
            {
                return FlowReply(turn, await TimedAsync(_dialog.StartAsync(session, other, input, keepOrder: false, cancellationToken)).ConfigureAwait(false));
            }

            return await InterruptionAsync(turn, input, cancellationToken).ConfigureAwait(false);
        }

        if (SmallTalkIntents.Contains(intent.Intent) && intent.Confidence >= _options.SmallTalkConfidence)
        {
            return Say(WordsFor(turn).SmallTalk(intent.Intent), null, turn.Decision(TurnDecision.SmallTalk));
        }

        var snapshot = _knowledge.Current;
        var (answer, picked) = PickedTitle.Chosen(snapshot.TitlesIn(turn.Language), text, Search(snapshot, turn));
        var bar = _knowledge.MinConfidence;
        var flow = OrderDialog.Refine(FlowOf(intent), text);
        var decision = picked ? new AnswerDecision(AnswerKind.Direct, []) : AnswerDecision.Of(answer, Thresholds);
        // A message the intent model is sure is out of scope gets no FAQ answer for sharing words with an entry. An
        // answer under the bar, given for its lead alone, also needs the intent model to place the message in the
        // store's scope with some confidence: "do you sell engagement rings" leads with the gift-card entry.
        var faqAnswers = picked || (decision.Kind == AnswerKind.Direct
            && !(intent.IsOutOfScope && intent.Confidence >= SureOutOfScope)
            && (answer.Confidence >= bar || (!intent.IsOutOfScope && intent.Confidence >= _options.FlowConfidence)));
        if (found.Any(e => e.Kind == EntityKind.OrderNumber))
        {
            // An order number is about that order, whatever else the message says.
            return FlowReply(turn, await TimedAsync(_dialog.StartAsync(session, flow ?? OrderDialog.Refine(OrderFlow.Status, text)!, input, keepOrder: false, cancellationToken)).ConfigureAwait(false));
        }

        if (flow is not null && intent.Confidence >= _options.FlowConfidence && !(faqAnswers && RequestOrQuestion.AsksAboutThePolicy(text)))
        {
            return FlowReply(turn, await TimedAsync(_dialog.StartAsync(session, flow, input, keepOrder: false, cancellationToken)).ConfigureAwait(false));
        }

        if (intent.IsOutOfScope && answer.Confidence < bar)
        {
            return Say(WordsFor(turn).OutOfScope(), [.. WordsFor(turn).Topics(), PersonIn(turn)], turn.Decision(TurnDecision.OutOfScope, answer));
        }

        if (faqAnswers)
        {
            if (UntranslatedOffer.Of(turn, answer, picked, WordsFor(turn), PersonIn(turn)) is { } untranslated)
            {
                return untranslated;
            }

            // A question about doing something the bot can do ("how do I cancel my order?") gets the answer and the offer.
            // Entries nearly as likely come after the answer, as related questions, never instead of it.
            List<ReplyChoice> offer = flow is not null && intent.Confidence >= _options.FlowConfidence ? [new ReplyChoice(ButtonsIn(turn.Speaks).LabelOf(flow))] : [];
            offer.AddRange(decision.Alternatives.Select(h => new ReplyChoice(h.Entry.Title)));
            var answered = await AnswerAsync(turn, answer, offer.Count > 0 ? offer : null, "", cancellationToken).ConfigureAwait(false);

            // What the shop does on request through a person ("please delete my data") is done, not only described:
            // the answer goes out with a handoff for the entry's reason. A question about it gets the answer.
            return answer.Best?.Entry.HandoffOnRequest is { } requested && !RequestOrQuestion.AsksAboutThePolicy(text)
                ? answered with { FlowHandoff = requested }
                : answered;
        }

        if (decision.Kind == AnswerKind.Clarify)
        {
            return Say(WordsFor(turn).DidYouMean(), [.. decision.Alternatives.Select(h => new ReplyChoice(h.Entry.Title))], turn.Decision(TurnDecision.Clarify, answer));
        }

        return Say(WordsFor(turn).NotUnderstood(), [.. WordsFor(turn).Topics(), PersonIn(turn)], turn.Decision(TurnDecision.NotUnderstood, answer));
    }

    /// <summary>
    /// A message in the middle of a flow that does not answer its question: small talk or an FAQ question is answered,
    /// then the flow's question is asked again, so the shopper can carry on where they left off.
    /// </summary>
    private async Task<Outcome> InterruptionAsync(TurnContext turn, DialogInput input, CancellationToken cancellationToken)
    {
        var resume = OrderDialog.Reprompt(turn.Session, input);
        if (SmallTalkIntents.Contains(turn.Intent.Intent) && turn.Intent.Confidence >= _options.SmallTalkConfidence)
        {
            return Say(WordsFor(turn).SmallTalk(turn.Intent.Intent) + "\n\n" + resume.Text, resume.Choices, turn.Decision(TurnDecision.SmallTalk));
        }

        // Mid-flow there is no "did you mean": the best answer is given and the flow's question follows, so the
        // shopper is never left with two open questions at once.
        var answer = Search(_knowledge.Current, turn);
        if (answer.Confidence >= _knowledge.MinConfidence && !Digressions.IsTryAtTheQuestion(turn.Text, turn.Intent.IsOutOfScope))
        {
            return UntranslatedOffer.Of(turn, answer, false, WordsFor(turn), PersonIn(turn), "\n\n" + resume.Text)
                ?? await AnswerAsync(turn, answer, resume.Choices, "\n\n" + OrderDialog.Resume(input, resume.Text), cancellationToken).ConfigureAwait(false);
        }

        return Say(WordsFor(turn).NotUnderstoodInFlow(resume.Text), resume.Choices, turn.Decision(TurnDecision.NotUnderstood, answer));
    }

    private async Task<Outcome> AnswerAsync(TurnContext turn, KnowledgeAnswer answer, IReadOnlyList<ReplyChoice>? actions, string suffix, CancellationToken cancellationToken)
    {
        var shopper = turn.Session.FirstName is { } name ? new ShopperProfile(name) : ShopperProfile.FromDisplayName(turn.Inbound.From?.Name);
        Draft draft;
        using (_telemetry.Stage(Stages.Drafting))
        {
            draft = await _drafter.DraftAsync(new DraftRequest(turn.Text, answer.Hits, shopper, turn.Session), cancellationToken).ConfigureAwait(false);
        }

        return Say(draft.Markdown + suffix, actions, turn.Decision(TurnDecision.Answer, answer) with
        {
            Drafter = draft.Drafter,
            DraftFallback = draft.Fallback,
            LowConfidence = draft.LowConfidence,
            Cited = draft.Sources,
        });
    }

    private SearchOptions Thresholds => _knowledge.SearchOptions;

    /// <summary>Says nothing of the language: the bot's own buttons (choices, topics, flows, titles), or data a flow asked for ("12 Oak St, Portland, OR").</summary>
    private bool SaysNothingOfTheLanguage(ConversationState state, string? text) =>
        text is not null && ((state.Order.Flow is not null && _entities.Extract(text).Count > 0) || state.Handoff.WasOffered(text) || ButtonsIn(ReplyLanguage.Of(state.Language)).Pressed(text) is not null
            || _knowledge.Current.Knowledge.Languages.Any(l => _knowledge.Current.TitlesIn(l).ContainsKey(text))
            || ReplyWriter.Of(_knowledge.Current.Knowledge, ReplyLanguage.Of(state.Language)).Topics().Any(t => t.Sends == text));

    private static Outcome Welcome(ReplyWriter words, ReplyPrompt prompt) => Say(words.Welcome(prompt), words.Topics(), Decision(TurnDecision.Welcome));

    /// <summary>The bot's own sentences from the knowledge in service, in the turn's language.</summary>
    private ReplyWriter WordsFor(TurnContext turn) => ReplyWriter.Of(_knowledge.Current.Knowledge, turn.Speaks);

    private FlowButtons ButtonsIn(ReplyLanguage language) => new(_knowledge.Current.Knowledge.Responses, language);

    /// <summary>The button that asks for a person, in the turn's language.</summary>
    private ReplyChoice PersonIn(TurnContext turn) => new(ButtonsIn(turn.Speaks).LabelOf(FlowButtons.Handoff));

    private KnowledgeAnswer Search(KnowledgeSnapshot snapshot, TurnContext turn)
    {
        using var retrieval = _telemetry.Stage(Stages.Retrieval);
        return snapshot.Indexes.For(turn.Language).Search(turn.Text, 3, turn.Vector);
    }

    /// <summary>An order flow's step, timed as a stage (the shop's backend is called inside it).</summary>
    private async Task<DialogReply> TimedAsync(Task<DialogReply> step)
    {
        using var flow = _telemetry.Stage(Stages.OrderFlow);
        return await step.ConfigureAwait(false);
    }

    private static Outcome FlowReply(TurnContext turn, DialogReply reply)
    {
        if (reply.HandoffReason is { } reason)
        {
            return Say(reply.Text, null, turn.Decision(TurnDecision.OrderFlow)) with { FlowHandoff = reason };
        }

        return Say(reply.Text, reply.Choices, turn.Decision(TurnDecision.OrderFlow), reply.Cards) with
        {
            Change = reply.Change is { } change ? new OrderChanged(change.OrderNumber, change.Kind) : null,
        };
    }

    private static string? FlowOf(IntentPrediction intent) =>
        !intent.IsOutOfScope && OrderDialog.FlowOfIntent.TryGetValue(intent.Intent, out var flow) ? flow : null;

    /// <summary>A postBack or card submit carries its meaning in <c>value</c>, not <c>text</c>.</summary>
    private static string? TextOfValue(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        _ => null,
    };
}
