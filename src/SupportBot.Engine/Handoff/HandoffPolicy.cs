using System.Text.Json.Serialization;
using System.Globalization;
using Microsoft.Extensions.Options;
using SupportBot.Replies;
using SupportBot.Schema;

namespace SupportBot.Handoff;

/// <summary>A decision to hand the conversation to a person, and the signals behind it (recorded in the trace and the queue).</summary>
internal sealed record HandoffVerdict(string Reason, IReadOnlyDictionary<string, string> Signals);

/// <summary>
/// When a person must take over. Before the bot answers: an explicit ask, a sensitive intent, or frustration.
/// After its answer: the low-confidence rule (the intent model is sure this is a support question —
/// <see cref="HandoffOptions.IntentConfidence"/> — but the best help-centre answer scores below
/// <see cref="HandoffOptions.RetrievalConfidence"/>), too many consecutive fallbacks, or a flow that cannot
/// finish (failed verification, a lost-parcel claim, the order system down).
/// </summary>
internal sealed class HandoffPolicy(IOptions<HandoffOptions> options)
{
    private readonly HandoffOptions _options = options.Value;

    /// <summary>The sensitive intent that an angry message turns into frustration (see <see cref="BeforeAnswer"/>).</summary>
    private const string ComplaintIntent = "complaint";

    private static readonly HashSet<string> FallbackActions = new(StringComparer.Ordinal)
    {
        TurnDecision.NotUnderstood, TurnDecision.OutOfScope,
    };

    /// <summary>Turns where the bot helped: they end a run of fallbacks. Anything else ("did you mean", …) leaves it as it is.</summary>
    private static readonly HashSet<string> SuccessActions = new(StringComparer.Ordinal)
    {
        TurnDecision.Answer, TurnDecision.OrderFlow, TurnDecision.SmallTalk, TurnDecision.FlowExit,
    };

    public HandoffOptions Options => _options;

    /// <summary>Triggers that outrank any answer the bot could give.</summary>
    public HandoffVerdict? BeforeAnswer(string intent, double confidence, bool outOfScope, bool asked, FrustrationReading frustration)
    {
        ArgumentNullException.ThrowIfNull(frustration);

        // Most turns hand nothing off: the signals are only written down for the ones that do.
        HandoffVerdict Verdict(string reason, params (string Key, string Value)[] extra) =>
            new(reason, Signals([("intent", intent), ("intent_confidence", HandoffOptions.Invariant(confidence)), .. extra]));

        if (asked)
        {
            return Verdict(HandoffReasons.Requested, ("asked", "yes"));
        }

        // A complaint shouted in anger ("THIRD TIME I ASK WHERE MY PARCEL IS!!! your bot is useless") is frustration:
        // the shopper hears an apology first. Fraud, chargebacks and legal threats stay sensitive however they are said.
        var frustrated = frustration.Score >= _options.FrustrationThreshold;
        if (!outOfScope && confidence >= _options.SensitiveConfidence && _options.SensitiveIntents.Contains(intent) && !(frustrated && intent == ComplaintIntent))
        {
            return Verdict(HandoffReasons.Sensitive, ("sensitive_intent", intent));
        }

        return frustrated
            ? Verdict(HandoffReasons.Frustration, ("frustration", HandoffOptions.Invariant(frustration.Score)), ("frustration_signals", string.Join(",", frustration.Signals)))
            : null;
    }

    /// <summary>
    /// Triggers that depend on how the bot did; also counts consecutive fallbacks in <paramref name="memory"/>.
    /// A "did you mean" offer is not a fallback (the shopper got choices), but does not reset the count either.
    /// </summary>
    public HandoffVerdict? AfterAnswer(TurnDecision decision, bool outOfScope, string? flowHandoff, HandoffMemory memory)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(memory);
        HandoffVerdict Verdict(string reason, params (string Key, string Value)[] extra) => new(reason, Signals(
        [
            ("intent", decision.Intent ?? ""),
            ("intent_confidence", HandoffOptions.Invariant(decision.IntentConfidence)),
            ("faq_confidence", HandoffOptions.Invariant(decision.FaqConfidence)),
            .. extra,
        ]));

        if (flowHandoff is not null)
        {
            memory.ConsecutiveFallbacks = 0;
            return decision.Step is { } step ? Verdict(flowHandoff, ("step", step)) : Verdict(flowHandoff);
        }

        var fallback = FallbackActions.Contains(decision.Action) || (decision.Action == TurnDecision.Answer && decision.LowConfidence);
        if (!fallback)
        {
            if (SuccessActions.Contains(decision.Action))
            {
                memory.ConsecutiveFallbacks = 0;
            }

            return null;
        }

        var fallbacks = ++memory.ConsecutiveFallbacks;
        var reason = decision.Action == TurnDecision.NotUnderstood && !outOfScope && decision.IntentConfidence >= _options.IntentConfidence
            && decision.FaqConfidence < _options.RetrievalConfidence
            ? HandoffReasons.LowConfidence
            : fallbacks >= _options.MaxConsecutiveFallbacks ? HandoffReasons.RepeatedFallback : null;
        if (reason is null)
        {
            return null;
        }

        memory.ConsecutiveFallbacks = 0;
        return Verdict(reason, ("fallbacks", fallbacks.ToString(CultureInfo.InvariantCulture)));
    }

    private static Dictionary<string, string> Signals(IEnumerable<(string Key, string Value)> signals) =>
        signals.ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
}

/// <summary>What the handoff rules remember between turns of one conversation (part of its saved state).</summary>
internal sealed class HandoffMemory
{
    private const int RememberedTexts = 3;

    public int ConsecutiveFallbacks { get; set; }

    /// <summary>What the bot's last answer offered as buttons: sending one of them is a choice, not a repeated question.</summary>
    public IReadOnlyList<ReplyChoice> Offered { get; set; } = [];

    public bool WasOffered(string text) => Offered.Any(a => a.Sends == text);

    /// <summary>Set when the bot offered to take a message because no one is available; the next turn may carry the e-mail.</summary>
    public PendingMessageOffer? Offer { get; set; }

    /// <summary>The shopper's last few messages, oldest first (for "asked the same thing again").</summary>
    [JsonInclude]
    public IReadOnlyList<string> RecentTexts { get; private set; } = [];

    public void Remember(string text) => RecentTexts = [.. RecentTexts.Append(text).TakeLast(RememberedTexts)];
}

/// <summary>A handoff that found no one available, waiting for the shopper's e-mail to become a ticket.</summary>
internal sealed record PendingMessageOffer(HandoffRequest Request);
