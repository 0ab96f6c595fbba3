using System.ComponentModel.DataAnnotations;
using System.Globalization;
using SupportBot.Knowledge.Frustration;

namespace SupportBot.Handoff;

/// <summary>Where a handed-off conversation goes: our own queue and agent console, or an external contact centre.</summary>
internal enum HandoffTarget
{
    /// <summary>The built-in persistent queue, worked by agents on <c>/agent</c>.</summary>
    Queue,

    /// <summary>A contact-centre platform takes over through the Bot Framework <c>handoff.initiate</c>/<c>handoff.status</c> events.</summary>
    External,
}

/// <summary>Settings of the <c>Handoff</c> section: when the bot hands a conversation to a person, and who may take it.</summary>
internal sealed class HandoffOptions : IValidatableObject
{
    public const string SectionName = "Handoff";

    public HandoffTarget Target { get; set; } = HandoffTarget.Queue;

    /// <summary>
    /// The low-confidence rule, first half: the intent model is at least this sure the message is a support question
    /// the help centre should answer…
    /// </summary>
    /// <value>Default 0.6.</value>
    [Range(0.0, 1.0)]
    public double IntentConfidence { get; set; } = 0.6;

    /// <summary>…and the best help-centre answer scores below this, so the bot knows the topic but has no answer for it.</summary>
    /// <value>Default 0.25 (the "did you mean" floor).</value>
    [Range(0.0, 1.0)]
    public double RetrievalConfidence { get; set; } = 0.25;

    /// <summary>Consecutive turns the bot could not help with (not understood, out of scope, an unusable draft) before it hands off.</summary>
    /// <value>Default 2.</value>
    [Range(1, 20)]
    public int MaxConsecutiveFallbacks { get; set; } = 2;

    /// <summary>A message whose frustration score (see <c>knowledge/frustration.yml</c>) reaches this hands off.</summary>
    /// <value>Default 1.0.</value>
    [Range(0.1, 100.0)]
    public double FrustrationThreshold { get; set; } = FrustrationLexicon.DefaultThreshold;

    /// <summary>Intents a person must always handle (fraud, legal…), when predicted at least <see cref="SensitiveConfidence"/>.</summary>
    public IList<string> SensitiveIntents { get; } = [];

    /// <summary>Default 0.5.</summary>
    [Range(0.0, 1.0)]
    public double SensitiveConfidence { get; set; } = 0.5;

    /// <summary>
    /// How many minutes of waiting each reason is worth in the queue order: a chat handed off for fraud with a boost
    /// of 15 is served before one that has waited up to 15 minutes longer for a plain request.
    /// </summary>
    public IDictionary<string, int> PriorityMinutes { get; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>Opening hours of the support team, e.g. <c>Mon-Fri 09:00-18:00</c>; empty means always open.</summary>
    public IList<string> Hours { get; } = [];

    /// <summary>The time zone of <see cref="Hours"/> (IANA or Windows id).</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>When true, a handoff with no agent signed in to the console becomes an offer to leave a message.</summary>
    public bool RequireAgentOnline { get; set; } = true;

    /// <summary>How many recent claimed chats the wait estimate is computed from.</summary>
    /// <value>Default 20.</value>
    [Range(1, 1000)]
    public int WaitSampleSize { get; set; } = 20;

    /// <summary>People who may sign in to the agent console.</summary>
    public IList<AgentAccount> Agents { get; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ResolveTimeZone() is null)
        {
            yield return new ValidationResult($"{SectionName}:TimeZone '{TimeZone}' is not a known time zone");
        }

        for (var i = 0; i < Hours.Count; i++)
        {
            if (!OpeningHours.TryParseRule(Hours[i], out _, out var error))
            {
                yield return new ValidationResult($"{SectionName}:Hours:{i} '{Hours[i]}': {error}");
            }
        }

        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Agents.Count; i++)
        {
            var agent = Agents[i];
            if (string.IsNullOrWhiteSpace(agent.Id) || string.IsNullOrWhiteSpace(agent.Name))
            {
                yield return new ValidationResult($"{SectionName}:Agents:{i} needs an Id and a Name");
            }
            else if (!ids.Add(agent.Id))
            {
                yield return new ValidationResult($"{SectionName}:Agents:{i} repeats the agent id '{agent.Id}'");
            }

            if (string.IsNullOrEmpty(agent.PasswordHash) && string.IsNullOrEmpty(agent.ApiKey))
            {
                yield return new ValidationResult($"{SectionName}:Agents:{i} needs a PasswordHash (supportbot agent hash-password) or an ApiKey");
            }
        }
    }

    public TimeZoneInfo? ResolveTimeZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    public int PriorityOf(string reason) => PriorityMinutes.TryGetValue(reason, out var minutes) ? minutes : 0;

    internal static string Invariant(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>A support agent who may sign in: by password (hashed) in the console, or by API key from scripts.</summary>
internal sealed class AgentAccount
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>An ASP.NET Core Identity password hash (PBKDF2), made with <c>supportbot agent hash-password</c>.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>A key for the agent API's <c>X-Api-Key</c> header; set it from the environment, never in a committed file.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The handoff reasons this agent works (<c>*</c> or empty: all of them).</summary>
    public IList<string> Reasons { get; } = [];

    public bool Handles(string reason) => Reasons.Count == 0 || Reasons.Contains("*") || Reasons.Contains(reason);
}
