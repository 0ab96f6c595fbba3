using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SupportBot.Schema;
using SupportBot.Storage;

namespace SupportBot.Privacy;

/// <summary>What one purge did (or, in a dry run, would do), and the start-time before which conversations were due.</summary>
internal sealed record PurgeResult(DateTimeOffset? Cutoff, PrivacyCounts Counts);

/// <summary>
/// Retention: once a conversation is older than <see cref="PrivacyOptions.RetentionDays"/>, its stored transcript and
/// handoff tickets keep their words but lose the personal data in them (marked <c>[email]</c>, <c>[name]</c>…), and
/// shoppers not seen for as long lose their stored name. Run hourly by the server and by <c>supportbot privacy purge</c>;
/// running it again changes nothing more.
/// </summary>
internal sealed class RetentionPurge(IPrivacyStore privacy, IConversationStore conversations, ShopperRecords records, IOptions<PrivacyOptions> options, TimeProvider time)
{
    public async Task<PurgeResult> RunAsync(bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var days = options.Value.RetentionDays;
        if (days == 0)
        {
            return new PurgeResult(null, new PrivacyCounts(0, 0, 0, 0));
        }

        var now = time.GetUtcNow();
        var cutoff = now.AddDays(-days);
        var due = await privacy.DueForRedactionAsync(cutoff, cancellationToken).ConfigureAwait(false);
        var total = new PrivacyCounts(0, 0, 0, 0);
        foreach (var id in due)
        {
            var stored = await conversations.ReadAfterAsync(id, -1, cancellationToken).ConfigureAwait(false);
            if (dryRun)
            {
                total = Add(total, new PrivacyCounts(1, stored.Count, 0, 0));
                continue;
            }

            var known = await records.GatherAsync([.. stored.Select(s => s.Activity)], cancellationToken).ConfigureAwait(false);
            var redactor = AtRest(known);
            var redacted = stored.Select(s => new StoredActivity(s.Sequence, Redact(s.Activity, redactor))).ToList();
            total = Add(total, await privacy.RewriteAsync(id, redacted, redactor.Redact, now, cancellationToken).ConfigureAwait(false));
        }

        var profiles = await privacy.RedactProfilesAsync(cutoff, dryRun, cancellationToken).ConfigureAwait(false);
        return new PurgeResult(cutoff, total with { Profiles = profiles });
    }

    /// <summary>The redactor for stored transcripts: every kind, order numbers too, as a plain marker.</summary>
    public static PersonalDataRedactor AtRest(KnownPersonalData known)
    {
        ArgumentNullException.ThrowIfNull(known);
        return new PersonalDataRedactor(known.Names, known.AddressLines, Marker, orderNumbers: true);
    }

    public static string Marker(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.Email => "[email]",
        PersonalDataKind.CardNumber => "[card]",
        PersonalDataKind.Phone => "[phone]",
        PersonalDataKind.StreetAddress => "[address]",
        PersonalDataKind.TrackingUrl => "[tracking link]",
        PersonalDataKind.TrackingNumber => "[tracking number]",
        PersonalDataKind.PostalCode => "[postal code]",
        PersonalDataKind.Name => "[name]",
        _ => "[order]",
    };

    private static Activity Redact(Activity activity, PersonalDataRedactor redactor)
    {
        var node = JsonSerializer.SerializeToNode(activity, ActivityJson.Options)!;
        ActivityText.Redact(node, redactor, Marker(PersonalDataKind.Name));
        return node.Deserialize<Activity>(ActivityJson.Options)!;
    }

    private static PrivacyCounts Add(PrivacyCounts a, PrivacyCounts b) =>
        new(a.Conversations + b.Conversations, a.Activities + b.Activities, a.Tickets + b.Tickets, a.Profiles + b.Profiles);
}
