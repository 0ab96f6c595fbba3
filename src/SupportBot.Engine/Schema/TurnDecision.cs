namespace SupportBot.Schema;

/// <summary>How the bot chose its reply; sent as a trace activity for evaluation and debugging.</summary>
internal sealed record TurnDecision(
    string Action,
    string? Intent,
    double IntentConfidence,
    string? FaqId,
    double FaqConfidence,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> Entities)
{
    /// <summary>Who wrote an answer: <c>local</c> or <c>model</c>; null for the fixed replies.</summary>
    public string? Drafter { get; init; }

    /// <summary>Why a model's draft was replaced by the local one (<c>timeout</c>, <c>uncited</c>, …).</summary>
    public string? DraftFallback { get; init; }

    /// <summary>Set when the reply is less certain than its retrieval confidence says: the model's own draft was unusable.</summary>
    public bool LowConfidence { get; init; }

    /// <summary>The order flow the conversation is in after this turn (<c>order_status</c>, <c>start_return</c>, …).</summary>
    public string? Flow { get; init; }

    /// <summary>The flow's step after this turn (<c>need_number</c>, <c>need_proof</c>, <c>confirm</c>, …).</summary>
    public string? Step { get; init; }

    /// <summary>Whether the shopper has proved an order is theirs in this conversation.</summary>
    public bool Verified { get; init; }

    /// <summary>Why the conversation should go to a person (<c>requested</c>, <c>verification_failed</c>, …); null when it should not.</summary>
    public string? Handoff { get; init; }

    /// <summary>The signals behind the handoff decision (confidences, fallbacks in a row, frustration, the sensitive intent).</summary>
    public IReadOnlyDictionary<string, string>? HandoffSignals { get; init; }

    /// <summary>Where the handoff stands after this turn: <c>queued</c>, <c>offline</c> (a message was offered), <c>assigned</c>…</summary>
    public string? HandoffState { get; init; }

    /// <summary>The queue entry of the handoff, for the agent console and evaluation.</summary>
    public string? HandoffId { get; init; }

    /// <summary>What the bot has collected, for the person who takes over (order number, verified, flow step…).</summary>
    public IReadOnlyDictionary<string, string>? Slots { get; init; }

    /// <summary>The conversation's language after this message (two letters: <c>en</c>, <c>fr</c>, <c>es</c>; docs/LANGUAGES.md).</summary>
    public string? Language { get; init; }

    /// <summary>The help-centre entries the sent answer is drawn from.</summary>
    public IReadOnlyList<string> Cited { get; init; } = [];

    public const string Welcome = "welcome";
    public const string Answer = "answer";
    public const string Clarify = "clarify";
    public const string SmallTalk = "small_talk";
    public const string OutOfScope = "out_of_scope";
    public const string NotUnderstood = "not_understood";
    public const string Ignored = "ignored";
    public const string OrderFlow = "order_flow";
    public const string FlowExit = "flow_exit";
    public const string Transfer = "handoff";
    public const string WithAgent = "with_agent";
    public const string LeftQueue = "left_queue";
    public const string MessageTaken = "message_taken";
    public const string HandoffStatus = "handoff_status";
    public const string Rated = "rated";
}
