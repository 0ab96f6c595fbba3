using System.ComponentModel.DataAnnotations;

namespace SupportBot.Privacy;

/// <summary>Settings of the <c>Privacy</c> section.</summary>
internal sealed class PrivacyOptions
{
    public const string SectionName = "Privacy";

    /// <summary>
    /// Days a conversation's transcript keeps personal data in clear, counted from when it started; after that the
    /// server (hourly) and <c>supportbot privacy purge</c> redact it at rest, with its handoff tickets. 0 keeps it forever.
    /// </summary>
    /// <value>Default 30.</value>
    [Range(0, 36_500)]
    public int RetentionDays { get; set; } = 30;
}
