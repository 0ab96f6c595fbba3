using System.ComponentModel.DataAnnotations;

namespace SupportBot.Host.DirectLine;

/// <summary>Settings of the <c>DirectLine</c> section.</summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>
    /// The master secret a shop's backend uses to mint conversation tokens (from the environment in production:
    /// <c>DirectLine__Secret</c>). Empty: a random secret is made at start-up and never printed.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>How long a conversation token is valid; Web Chat refreshes it halfway.</summary>
    /// <value>Default 1800 s.</value>
    [Range(60, 86_400)]
    public int TokenLifetimeSeconds { get; set; } = 1800;
}
