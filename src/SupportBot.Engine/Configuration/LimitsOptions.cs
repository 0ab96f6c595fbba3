using System.ComponentModel.DataAnnotations;

namespace SupportBot.Configuration;

/// <summary>
/// Settings of the <c>Limits</c> section: the budget of every input a stranger can send, so that no one message,
/// body, stream or client can take more than its share of the server. <c>0</c> turns a limit off (a load benchmark
/// from one loopback client turns the rate limits off to measure the pipeline rather than the limiter).
/// </summary>
internal sealed class LimitsOptions
{
    public const string SectionName = "Limits";

    /// <summary>
    /// Characters of a message handed to understanding, search and drafting; the rest is ignored and the shopper is
    /// told so. The transcript keeps the whole message.
    /// </summary>
    /// <value>Default 2,000.</value>
    [Range(0, 1_000_000)]
    public int MaxTextCharacters { get; set; } = 2_000;

    /// <summary>Bytes of a request body on every endpoint that sets no budget of its own (the agent and token APIs).</summary>
    /// <value>Default 32,768.</value>
    [Range(0, 1_073_741_824)]
    public long MaxRequestBodyBytes { get; set; } = 32 * 1024;

    /// <summary>Bytes of one posted activity on Direct Line and <c>/api/messages</c>.</summary>
    /// <value>Default 262,144 (256 KB, the Direct Line service's own limit).</value>
    [Range(0, 1_073_741_824)]
    public long MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>Messages one conversation may post per minute (a burst of this many, then this many a minute).</summary>
    /// <value>Default 30.</value>
    [Range(0, 100_000)]
    public int MessagesPerMinutePerConversation { get; set; } = 30;

    /// <summary>Messages one client (remote address) may post per minute over all its conversations.</summary>
    /// <value>Default 120.</value>
    [Range(0, 1_000_000)]
    public int MessagesPerMinutePerClient { get; set; } = 120;

    /// <summary>Open WebSocket streams per conversation; a new one beyond this closes the oldest.</summary>
    /// <value>Default 4.</value>
    [Range(0, 1_000)]
    public int StreamsPerConversation { get; set; } = 4;

    /// <summary>Handoffs to a person (queue entries, tickets) one client may start per hour.</summary>
    /// <value>Default 5.</value>
    [Range(0, 10_000)]
    public int HandoffsPerHourPerClient { get; set; } = 5;
}
