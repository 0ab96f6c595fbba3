using System.CommandLine;
using System.Text.Json;
using SupportBot.Host.Views;
using SupportBot.Knowledge;
using SupportBot.Knowledge.Search;

namespace SupportBot.Host.Cli;

/// <summary><c>supportbot knowledge validate|stats [dir]</c>: the editors' checks.</summary>
internal static class KnowledgeCommands
{
    public static Command Create(CliContext context)
    {
        var command = new Command("knowledge", "Check and describe the knowledge files (FAQ, policies, synonyms).");
        command.Subcommands.Add(Validate(context));
        command.Subcommands.Add(Stats(context));
        return command;
    }

    private static Command Validate(CliContext context)
    {
        var dir = new Argument<string?>("dir") { Description = "The knowledge folder (default: Knowledge:Path from the settings).", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts instead of text." };
        var command = new Command("validate", "Report every problem as path:line: message; exit 1 when there is an error.") { dir, json };
        command.SetAction((parse, _) => SupportBotCli.Guard(context, async () =>
        {
            using var host = context.BuildToolHost();
            var loaded = context.LoadKnowledge(host, parse.GetValue(dir));

            // With embeddings, phrasings of different entries that mean nearly the same are warned about.
            var duplicates = await NearDuplicates.FindAsync(loaded, CliContext.Embeddings(host)).ConfigureAwait(false);
            var knowledge = loaded with { Diagnostics = [.. loaded.Diagnostics, .. duplicates] };
            var errors = knowledge.Errors.Count();
            var warnings = knowledge.Diagnostics.Count - errors;
            if (parse.GetValue(json))
            {
                var report = new
                {
                    path = knowledge.RootPath,
                    files = knowledge.FileCount,
                    entries = knowledge.AllEntries.Count(),
                    errors,
                    warnings,
                    problems = knowledge.Diagnostics.Select(d => new { path = d.Path, line = d.Line, severity = d.Severity.ToString().ToLowerInvariant(), message = d.Message }),
                };
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(report, ViewJson.Options)).ConfigureAwait(false);
            }
            else
            {
                foreach (var diagnostic in knowledge.Diagnostics)
                {
                    await context.Output.WriteLineAsync(diagnostic.ToString()).ConfigureAwait(false);
                }

                await context.Output.WriteLineAsync(
                    $"{knowledge.FileCount} files, {Entries(knowledge)}: {errors} error(s), {warnings} warning(s)").ConfigureAwait(false);
            }

            return errors > 0 ? SupportBotCli.CheckFailed : SupportBotCli.Success;
        }));
        return command;
    }

    private static Command Stats(CliContext context)
    {
        var dir = new Argument<string?>("dir") { Description = "The knowledge folder (default: Knowledge:Path from the settings).", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts instead of text." };
        var command = new Command("stats", "Count entries per topic and locale and list entries with too few phrasings.") { dir, json };
        command.SetAction((parse, _) => SupportBotCli.Guard(context, async () =>
        {
            var stats = KnowledgeStats.Of(Load(context, parse.GetValue(dir)));
            if (parse.GetValue(json))
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(stats, ViewJson.Options)).ConfigureAwait(false);
                return SupportBotCli.Success;
            }

            var o = context.Output;
            await o.WriteLineAsync($"{stats.Entries} entries ({stats.Phrasings} phrasings) in {stats.Files} files; {stats.Policies} policy facts; {stats.SynonymGroups} synonym groups; {stats.FrustrationPhrases} frustration phrases").ConfigureAwait(false);
            await o.WriteLineAsync("By topic:").ConfigureAwait(false);
            foreach (var (topic, count) in stats.ByTopic)
            {
                await o.WriteLineAsync($"  {topic,-28} {count,5}").ConfigureAwait(false);
            }

            await o.WriteLineAsync("By locale:").ConfigureAwait(false);
            foreach (var (locale, count) in stats.ByLocale)
            {
                await o.WriteLineAsync($"  {locale,-28} {count,5}").ConfigureAwait(false);
            }

            if (stats.ByLanguage.Count > 1)
            {
                await o.WriteLineAsync("By language:").ConfigureAwait(false);
                foreach (var (language, counts) in stats.ByLanguage)
                {
                    await o.WriteLineAsync($"  {language,-4} {counts.Entries,5} entries, {counts.Phrasings,5} phrasings, {counts.SynonymGroups,4} synonym groups, {counts.FrustrationPhrases,4} frustration phrases, {counts.Missing,4} missing").ConfigureAwait(false);
                }
            }

            await o.WriteLineAsync(stats.TooFewPhrasings.Count == 0
                ? $"Every entry has at least {KnowledgeStats.RecommendedPhrasings} phrasings."
                : $"Entries with fewer than {KnowledgeStats.RecommendedPhrasings} phrasings ({stats.TooFewPhrasings.Count}):").ConfigureAwait(false);
            foreach (var thin in stats.TooFewPhrasings)
            {
                await o.WriteLineAsync($"  {thin.Source}: {thin.Id} has {thin.Phrasings}").ConfigureAwait(false);
            }

            if (stats.Errors + stats.Warnings > 0)
            {
                await o.WriteLineAsync($"{stats.Errors} error(s), {stats.Warnings} warning(s): run 'supportbot knowledge validate' for details.").ConfigureAwait(false);
            }

            return SupportBotCli.Success;
        }));
        return command;
    }

    /// <summary>"81 entries", or with translations "243 entries (en 81, es 81, fr 81)".</summary>
    private static string Entries(KnowledgeBase knowledge)
    {
        var total = $"{knowledge.AllEntries.Count()} entries";
        return knowledge.Languages.Count == 1 ? total
            : $"{total} ({string.Join(", ", knowledge.Languages.Select(l => $"{l} {knowledge.In(l).Entries.Count}"))})";
    }

    private static KnowledgeBase Load(CliContext context, string? dir)
    {
        using var host = context.BuildToolHost();
        return context.LoadKnowledge(host, dir);
    }
}
