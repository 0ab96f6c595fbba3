using SupportBot.Knowledge.Search;

namespace SupportBot.Drafting;

/// <summary>What a reply should answer: the shopper's words, the passages retrieved for them, and who is asking.</summary>
internal sealed record DraftRequest(string Question, IReadOnlyList<KnowledgeHit> Passages, ShopperProfile Shopper, Orders.OrderSession? Orders = null);

/// <summary>
/// A reply ready to send, with who wrote it and from which sources. <see cref="Fallback"/> names why a model's draft
/// was replaced by the local one; <see cref="LowConfidence"/> is set when the model's own draft was unusable, a
/// signal for the handoff gate.
/// </summary>
internal sealed record Draft(string Markdown, string Drafter, IReadOnlyList<string> Sources, bool IsExcerpt, string? Fallback, bool LowConfidence);

/// <summary>Why the local drafter stood in for the model on a turn.</summary>
internal static class DraftFallback
{
    public const string Timeout = "timeout";
    public const string CircuitOpen = "circuit_open";
    public const string ProviderError = "provider_error";
}
