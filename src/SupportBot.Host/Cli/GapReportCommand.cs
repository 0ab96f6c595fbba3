using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Host.Reports.Gaps;
using SupportBot.Host.Views;
using SupportBot.Insights;
using SupportBot.Insights.Gaps;
using SupportBot.Knowledge.Search;

namespace SupportBot.Host.Cli;

/// <summary>
/// <c>supportbot report gaps --since DATE [--until DATE] --out DIR</c>: the content-gap report as <c>report.html</c>
/// and <c>gaps.json</c>, and a draft FAQ entry per reported topic in <c>drafts/</c> (see docs/CONTENT-GAPS.md).
/// </summary>
internal static class GapReportCommand
{
    public const string HtmlFile = "report.html";
    public const string JsonFile = "gaps.json";
    public const string DraftsFolder = "drafts";

    public static Command Create(CliContext context)
    {
        var since = new Option<string>("--since") { Description = "First day of the period (UTC), e.g. 2026-11-01.", Required = true };
        var until = new Option<string?>("--until") { Description = "Day after the period (UTC; default: now)." };
        var output = new Option<string>("--out") { Description = "The folder to write report.html, gaps.json and drafts/ into.", Required = true };
        var command = new Command("gaps", "Cluster the messages the bot could not answer by meaning, and write a draft FAQ entry per topic.") { since, until, output };
        command.SetAction((parse, cancellationToken) => SupportBotCli.Guard(context, async () =>
        {
            using var host = context.BuildToolHost();
            var from = Date(parse.GetValue(since)!, "--since");
            var to = parse.GetValue(until) is { } given ? Date(given, "--until") : host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            if (to <= from)
            {
                throw new UsageException("report gaps: --until must be after --since");
            }

            var knowledge = context.LoadKnowledge(host);
            using var index = await KnowledgeIndex.BuildAsync(knowledge, CliContext.KnowledgeOptions(host).Search, CliContext.Embeddings(host), cancellationToken).ConfigureAwait(false);
            var report = await host.Services.GetRequiredService<GapReportBuilder>().BuildAsync(from, to, index, cancellationToken).ConfigureAwait(false);
            var folder = Path.GetFullPath(parse.GetValue(output)!);
            var drafts = await WriteAsync(report, folder, host.Services.GetRequiredService<IOptions<GapOptions>>().Value.DraftPhrasings).ConfigureAwait(false);
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{report.Clusters.Count} topics from {report.Messages} unanswered messages ({report.Unclustered} in none); wrote {Path.Combine(folder, HtmlFile)}, {JsonFile} and {drafts} draft(s) in {DraftsFolder}/")).ConfigureAwait(false);
            return SupportBotCli.Success;
        }));
        return command;
    }

    /// <summary>Writes the report's files; returns how many drafts.</summary>
    private static async Task<int> WriteAsync(GapReport report, string folder, int phrasings)
    {
        var drafts = Path.Combine(folder, DraftsFolder);
        Directory.CreateDirectory(drafts);
        await GapHtmlReport.WriteAsync(report, Path.Combine(folder, HtmlFile)).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(folder, JsonFile), JsonSerializer.Serialize(report, ViewJson.Options)).ConfigureAwait(false);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cluster in report.Clusters)
        {
            var id = GapDrafts.IdOf(cluster);
            var file = ids.Add(id) ? id : $"{id}-{cluster.Rank.ToString(CultureInfo.InvariantCulture)}";
            await File.WriteAllTextAsync(Path.Combine(drafts, file + ".md"), GapDrafts.Markdown(cluster, report, file, phrasings)).ConfigureAwait(false);
        }

        return report.Clusters.Count;
    }

    private static DateTimeOffset Date(string text, string option) =>
        PeriodText.TryParse(text, out var at) ? at : throw new UsageException($"report gaps: {option} '{text}' is not a date (use {PeriodText.Example})");
}
