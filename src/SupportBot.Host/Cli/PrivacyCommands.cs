using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SupportBot.Host.Views;
using SupportBot.Privacy;

namespace SupportBot.Host.Cli;

/// <summary>
/// <c>supportbot privacy purge</c> (retention now, as the server does hourly) and <c>supportbot privacy delete</c>
/// (one shopper's data, on request). Both take <c>--dry-run</c> to count first and <c>--json</c> for scripts.
/// </summary>
internal static class PrivacyCommands
{
    public static Command Create(CliContext context)
    {
        var command = new Command("privacy", "Retention and deletion on request of shoppers' personal data.");
        command.Subcommands.Add(Purge(context));
        command.Subcommands.Add(Delete(context));
        return command;
    }

    private static Command Purge(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts instead of text." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Count what would be redacted; change nothing." };
        var command = new Command("purge", "Redact personal data in transcripts, handoff tickets and profiles older than Privacy:RetentionDays (0 keeps everything).") { json, dryRun };
        command.SetAction((parse, cancellationToken) => SupportBotCli.Guard(context, async () =>
        {
            using var host = context.BuildToolHost();
            var result = await host.Services.GetRequiredService<RetentionPurge>().RunAsync(parse.GetValue(dryRun), cancellationToken).ConfigureAwait(false);
            var text = result.Cutoff is null
                ? "Privacy:RetentionDays is 0: transcripts are kept as they are, nothing to purge"
                : string.Create(CultureInfo.InvariantCulture, $"{(parse.GetValue(dryRun) ? "would redact" : "redacted")} {Counted(result.Counts, "shopper names")} started or last seen before {result.Cutoff:yyyy-MM-dd HH:mm}Z");
            await ReportAsync(context, parse.GetValue(json), text, result.Counts, new() { ["dry_run"] = parse.GetValue(dryRun), ["cutoff"] = result.Cutoff }).ConfigureAwait(false);
            return SupportBotCli.Success;
        }));
        return command;
    }

    private static Command Delete(CliContext context)
    {
        var email = new Option<string?>("--email") { Description = "Every conversation that mentions this e-mail address, or whose handoff ticket has it." };
        var user = new Option<string?>("--user") { Description = "Every conversation of this channel user id (Direct Line: the page's user id)." };
        var conversation = new Option<string?>("--conversation") { Description = "One conversation, by id." };
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts instead of text." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would be deleted; delete nothing." };
        var command = new Command("delete", "Delete one shopper's transcripts, handoff tickets (agent messages and ratings with them) and profile, on their request.")
        {
            email, user, conversation, json, dryRun,
        };
        command.SetAction((parse, cancellationToken) => SupportBotCli.Guard(context, async () =>
        {
            var query = new ShopperQuery(parse.GetValue(email), parse.GetValue(user), parse.GetValue(conversation));
            if (query.IsEmpty)
            {
                throw new UsageException("privacy delete: name the shopper with --email, --user or --conversation");
            }

            if (query.Email is { } address && !address.Contains('@', StringComparison.Ordinal))
            {
                throw new UsageException($"privacy delete: --email '{address}' is not an e-mail address");
            }

            using var host = context.BuildToolHost();
            var result = await host.Services.GetRequiredService<ShopperErasure>().EraseAsync(query, parse.GetValue(dryRun), cancellationToken).ConfigureAwait(false);
            var text = $"{(parse.GetValue(dryRun) ? "would delete" : "deleted")} {Counted(result.Counts, "profiles")}";
            await ReportAsync(context, parse.GetValue(json), text, result.Counts, new() { ["dry_run"] = parse.GetValue(dryRun), ["conversation_ids"] = result.ConversationIds }).ConfigureAwait(false);
            return SupportBotCli.Success;
        }));
        return command;
    }

    private static string Counted(PrivacyCounts counts, string profiles) => string.Create(CultureInfo.InvariantCulture,
        $"{counts.Conversations} conversations ({counts.Activities} activities), {counts.Tickets} handoff tickets and {counts.Profiles} {profiles}");

    /// <summary>The result as one line of text, or with <c>--json</c> as one JSON object: <paramref name="fields"/> and the counts.</summary>
    private static Task ReportAsync(CliContext context, bool json, string text, PrivacyCounts counts, Dictionary<string, object?> fields)
    {
        if (!json)
        {
            return context.Output.WriteLineAsync(text);
        }

        fields["conversations"] = counts.Conversations;
        fields["activities"] = counts.Activities;
        fields["tickets"] = counts.Tickets;
        fields["profiles"] = counts.Profiles;
        return context.Output.WriteLineAsync(JsonSerializer.Serialize(fields, ViewJson.Options));
    }
}
