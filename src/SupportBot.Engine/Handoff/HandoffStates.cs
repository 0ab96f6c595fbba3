namespace SupportBot.Handoff;

/// <summary>Where a conversation stands with people, as the page shows it (the activity's <c>handoffState</c>).</summary>
internal static class HandoffStates
{
    public const string Queued = "queued";
    public const string Offline = "offline";
    public const string WithAgent = "with_agent";
    public const string BackToBot = "back_to_bot";
}
