namespace SupportBot.Handoff;

/// <summary>A conversation's open handoff ticket, if any, and whether the shopper was asked to rate a closed one.</summary>
internal sealed record HandoffStanding(HandoffTicket? Open, bool RatingAsked)
{
    /// <summary>A person owns the conversation: the bot stays silent, and shows no typing.</summary>
    public bool WithAgent => Open?.Status == HandoffStatus.Assigned;
}
