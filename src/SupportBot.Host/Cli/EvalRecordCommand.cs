using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Evaluation.Conversations;
using SupportBot.Privacy;
using SupportBot.Storage;

namespace SupportBot.Host.Cli;

/// <summary>
/// <c>supportbot eval record --since DATE --out DIR</c>: the conversations stored since a date, as Bot Framework
/// <c>.transcript</c> files with personal data redacted, ready to be replayed by <c>eval conversations</c>.
/// </summary>
internal static class EvalRecordCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create(CliContext context)
    {
        var since = new Option<string>("--since") { Description = "Conversations started on or after this date or time (e.g. 2026-11-01 or 2026-11-23T09:00Z; UTC unless it says).", Required = true };
        var output = new Option<string>("--out") { Description = "The folder to write <conversation>.transcript files to.", Required = true };
        var command = new Command("record", "Turn stored conversations into .transcript files with personal data redacted, so real conversations become tests.") { since, output };
        command.SetAction((parse, cancellationToken) => SupportBotCli.Guard(context, async () =>
        {
            if (!DateTimeOffset.TryParse(parse.GetValue(since), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var from))
            {
                throw new UsageException($"--since '{parse.GetValue(since)}' is not a date (write it as 2026-11-01)");
            }

            using var host = context.BuildToolHost();
            var store = host.Services.GetRequiredService<IConversationStore>();
            var records = host.Services.GetRequiredService<ShopperRecords>();
            var folder = Directory.CreateDirectory(parse.GetValue(output)!).FullName;
            var written = 0;
            foreach (var id in await store.ListSinceAsync(from, cancellationToken).ConfigureAwait(false))
            {
                var stored = await store.ReadAfterAsync(id, -1, cancellationToken).ConfigureAwait(false);
                if (!stored.Any(s => s.Activity.From?.Role == "user" && s.Activity.Type == "message"))
                {
                    continue;
                }

                var known = await records.GatherAsync([.. stored.Select(s => s.Activity)], cancellationToken).ConfigureAwait(false);
                var activities = new JsonArray([.. TranscriptRedactor.Redact(stored.Select(s => s.Activity), known)]);
                await File.WriteAllTextAsync(Path.Combine(folder, SafeName(id) + ".transcript"), activities.ToJsonString(Indented), cancellationToken).ConfigureAwait(false);
                written++;
            }

            await context.Output.WriteLineAsync($"wrote {written} transcripts to {folder}").ConfigureAwait(false);
            return SupportBotCli.Success;
        }));
        return command;
    }

    private static string SafeName(string id) => string.Concat(id.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
