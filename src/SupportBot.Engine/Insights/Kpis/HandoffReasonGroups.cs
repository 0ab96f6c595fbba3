using SupportBot.Handoff;

namespace SupportBot.Insights.Kpis;

/// <summary>The reasons a handoff is reported under (docs/INSIGHTS.md), from its recorded reason and where it went.</summary>
internal static class HandoffReasonGroups
{
    public const string Asked = "asked";
    public const string LowConfidence = "low_confidence";
    public const string Frustration = "frustration";
    public const string FlowFailure = "flow_failure";
    public const string OutsideHours = "outside_hours";
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } = [Asked, LowConfidence, Frustration, FlowFailure, OutsideHours, Other];

    /// <summary>No one could take the chat (outside opening hours, or no agent online), whatever the reason: that is what the shopper met.</summary>
    public static string Of(string? reason, string? state) => state == HandoffStates.Offline ? OutsideHours : reason switch
    {
        HandoffReasons.Requested => Asked,
        HandoffReasons.LowConfidence or HandoffReasons.RepeatedFallback => LowConfidence,
        HandoffReasons.Frustration => Frustration,
        HandoffReasons.VerificationFailed or HandoffReasons.OrderSystemUnavailable => FlowFailure,
        _ => Other,
    };
}
