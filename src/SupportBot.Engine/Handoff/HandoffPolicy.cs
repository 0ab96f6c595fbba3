using System.Globalization;
using Microsoft.Extensions.Options;
using SupportBot.Conversation;

namespace SupportBot.Handoff;

/// <summary>A decision to hand the conversation to a person, and the signals behind it (recorded in the trace and the queue).</summary>
public sealed record HandoffVerdict(string Reason, IReadOnlyDictionary<string, string> Signals);

/// <summary>
/// When a person must take over. Before the bot answers: an explicit ask, a sensitive intent, or frustration.
/// After its answer: the low-confidence rule (the intent model is sure this is a support question —
/// <see cref="HandoffOptions.IntentConfidence"/> — but the best help-centre answer scores below
/// <see cref="HandoffOptions.RetrievalConfidence"/>), too many consecutive fallbacks, or a flow that cannot
/// finish (failed verification, a lost-parcel claim, the order system down).
/// </summary>
public sealed class HandoffPolicy(IOptions<HandoffOptions> options)
{
    private readonly HandoffOptions _options = options.Value;

    private static readonly HashSet<string> FallbackActions = new(StringComparer.Ordinal)
    {
        TurnDecision.NotUnderstood, TurnDecision.OutOfScope,
    };

    private static readonly HashSet<string> SuccessActions = new(StringComparer.Ordinal)
    {
        TurnDecision.Answer, TurnDecision.OrderFlow, TurnDecision.SmallTalk, TurnDecision.FlowExit, TurnDecision.Clarify,
    };

    public HandoffOptions Options => _options;

    /// <summary>Triggers that outrank any answer the bot could give.</summary>
    public HandoffVerdict? BeforeAnswer(string intent, double confidence, bool outOfScope, bool asked, FrustrationReading frustration)
    {
        ArgumentNullException.ThrowIfNull(frustration);
        var signals = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["intent"] = intent,
            ["intent_confidence"] = HandoffOptions.Invariant(confidence),
        };
        if (asked)
        {
            signals["asked"] = "yes";
            return new HandoffVerdict(HandoffReasons.Requested, signals);
        }

        if (!outOfScope && confidence >= _options.SensitiveConfidence && _options.SensitiveIntents.Contains(intent))
        {
            signals["sensitive_intent"] = intent;
            return new HandoffVerdict(HandoffReasons.Sensitive, signals);
        }

        if (frustration.Score >= _options.FrustrationThreshold)
        {
            signals["frustration"] = HandoffOptions.Invariant(frustration.Score);
            signals["frustration_signals"] = string.Join(",", frustration.Signals);
            return new HandoffVerdict(HandoffReasons.Frustration, signals);
        }

        return null;
    }

    /// <summary>
    /// Triggers that depend on how the bot did; also counts consecutive fallbacks in <paramref name="memory"/>.
    /// A "did you mean" offer is not a fallback (the shopper got choices), but does not reset the count either.
    /// </summary>
    public HandoffVerdict? AfterAnswer(TurnDecision decision, bool outOfScope, string? flowHandoff, HandoffMemory memory)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(memory);
        var signals = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["intent"] = decision.Intent ?? "",
            ["intent_confidence"] = HandoffOptions.Invariant(decision.IntentConfidence),
            ["faq_confidence"] = HandoffOptions.Invariant(decision.FaqConfidence),
        };
        if (flowHandoff is not null)
        {
            memory.ConsecutiveFallbacks = 0;
            if (decision.Step is { } step)
            {
                signals["step"] = step;
            }

            return new HandoffVerdict(flowHandoff, signals);
        }

        var fallback = FallbackActions.Contains(decision.Action) || (decision.Action == TurnDecision.Answer && decision.LowConfidence);
        if (!fallback)
        {
            if (SuccessActions.Contains(decision.Action))
            {
                memory.ConsecutiveFallbacks = decision.Action == TurnDecision.Clarify ? memory.ConsecutiveFallbacks : 0;
            }

            return null;
        }

        memory.ConsecutiveFallbacks++;
        signals["fallbacks"] = memory.ConsecutiveFallbacks.ToString(CultureInfo.InvariantCulture);
        if (decision.Action == TurnDecision.NotUnderstood && !outOfScope && decision.IntentConfidence >= _options.IntentConfidence
            && decision.FaqConfidence < _options.RetrievalConfidence)
        {
            memory.ConsecutiveFallbacks = 0;
            return new HandoffVerdict(HandoffReasons.LowConfidence, signals);
        }

        if (memory.ConsecutiveFallbacks >= _options.MaxConsecutiveFallbacks)
        {
            memory.ConsecutiveFallbacks = 0;
            return new HandoffVerdict(HandoffReasons.RepeatedFallback, signals);
        }

        return null;
    }
}

/// <summary>What the handoff rules remember between turns of one conversation (lives with its order session).</summary>
public sealed class HandoffMemory
{
    private const int RememberedTexts = 3;
    private readonly Queue<string> _recent = new();

    public int ConsecutiveFallbacks { get; set; }

    /// <summary>What the bot's last answer offered as buttons: sending one of them is a choice, not a repeated question.</summary>
    public IReadOnlySet<string> Offered { get; set; } = new HashSet<string>();

    /// <summary>Set when the bot offered to take a message because no one is available; the next turn may carry the e-mail.</summary>
    public PendingMessageOffer? Offer { get; set; }

    /// <summary>The shopper's last few messages, oldest first (for "asked the same thing again").</summary>
    public IReadOnlyList<string> RecentTexts => [.. _recent];

    public void Remember(string text)
    {
        _recent.Enqueue(text);
        while (_recent.Count > RememberedTexts)
        {
            _recent.Dequeue();
        }
    }
}

/// <summary>A handoff that found no one available, waiting for the shopper's e-mail to become a ticket.</summary>
public sealed record PendingMessageOffer(HandoffRequest Request);
