using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using SupportBot.Evaluation;
using SupportBot.Host.Views;
using SupportBot.Knowledge;
using SupportBot.Knowledge.Search;

namespace SupportBot.Host.Cli;

/// <summary><c>supportbot eval …</c>: measure the bot against labelled data.</summary>
internal static class EvalCommands
{
    public static Command Create(CliContext context)
    {
        var command = new Command("eval", "Evaluate the bot against labelled data.");
        command.Subcommands.Add(Faq(context));
        command.Subcommands.Add(EvalIntentsCommand.Create(context));
        command.Subcommands.Add(EvalConversationsCommand.Create(context));
        command.Subcommands.Add(EvalRecordCommand.Create(context));
        return command;
    }

    private static Command Faq(CliContext context)
    {
        var file = new Argument<string?>("file")
        {
            Description = "JSONL with one {\"text\": \"…\", \"expected\": \"<faq id>\" | null} per line (default: eval/faq-questions.jsonl, or eval/<lang>/faq-questions.jsonl with --locale).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var locale = LocaleOption.Create();
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var threshold = new Option<double?>("--threshold") { Description = "Confidence bar (default: Knowledge:Search:MinConfidence)." };
        var minHit1 = new Option<double?>("--min-hit1") { Description = "Fail (exit 1) when hit@1 is below this fraction." };
        var minHit3 = new Option<double?>("--min-hit3") { Description = "Fail (exit 1) when hit@3 is below this fraction." };
        var command = new Command("faq", "Score FAQ retrieval on labelled questions: hit@1, hit@3, MRR, confidence calibration.")
        {
            file, json, threshold, minHit1, minHit3, locale,
        };
        command.SetAction((parse, cancellationToken) => SupportBotCli.Guard(context, async () =>
        {
            using var host = context.BuildToolHost();
            var options = CliContext.KnowledgeOptions(host);
            var loaded = context.LoadKnowledge(host);
            var language = LocaleOption.LanguageOf(parse.GetValue(locale), loaded);
            var knowledge = loaded.In(language);
            using var index = await KnowledgeIndex.BuildAsync(knowledge, options.Search, CliContext.Embeddings(host).For(language), cancellationToken).ConfigureAwait(false);
            var path = parse.GetValue(file) ?? DefaultQuestions(context, language, loaded.DefaultLanguage);
            var questions = FaqEvaluation.Load(path, knowledge.Entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal));
            var bar = options.Search;
            bar.MinConfidence = parse.GetValue(threshold) ?? bar.MinConfidence;
            var asJson = parse.GetValue(json);
            var report = asJson || Console.IsOutputRedirected || context.Output != Console.Out
                ? await FaqEvaluation.RunAsync(index, questions, bar, cancellationToken: cancellationToken).ConfigureAwait(false)
                : await WithProgressAsync(index, questions, bar, cancellationToken).ConfigureAwait(false);

            if (asJson)
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(report, ViewJson.Options)).ConfigureAwait(false);
            }
            else
            {
                if (parse.GetValue(locale) is not null)
                {
                    await context.Output.WriteLineAsync($"language    {language} ({knowledge.Entries.Count} entries, {path})").ConfigureAwait(false);
                }

                await WriteText(context.Output, report).ConfigureAwait(false);
            }

            var failed = report.HitAt1 < (parse.GetValue(minHit1) ?? 0) || report.HitAt3 < (parse.GetValue(minHit3) ?? 0);
            if (failed)
            {
                await context.Error.WriteLineAsync("eval faq: below the required hit rate").ConfigureAwait(false);
            }

            return failed ? SupportBotCli.CheckFailed : SupportBotCli.Success;
        }));
        return command;
    }

    /// <summary>The tuning set of a language: <c>eval/faq-questions.jsonl</c> for the default one, <c>eval/&lt;lang&gt;/faq-questions.jsonl</c> for another.</summary>
    private static string DefaultQuestions(CliContext context, string language, string defaultLanguage) =>
        language == defaultLanguage
            ? Path.Combine(context.ContentRoot, "eval", "faq-questions.jsonl")
            : Path.Combine(context.ContentRoot, "eval", language, "faq-questions.jsonl");

    private static Task<FaqEvaluationReport> WithProgressAsync(KnowledgeIndex index, List<(FaqQuestion, int)> questions, SearchOptions bar,
        CancellationToken cancellationToken) =>
        AnsiConsole.Progress().AutoClear(true).StartAsync(progress =>
        {
            var task = progress.AddTask("Asking", maxValue: questions.Count);
            return FaqEvaluation.RunAsync(index, questions, bar, new Progress<int>(done => task.Value = done), cancellationToken);
        });

    private static async Task WriteText(TextWriter o, FaqEvaluationReport r)
    {
        foreach (var miss in r.Misses)
        {
            var got = string.Join(", ", miss.Got.Select(g => $"{g.Id} {g.Confidence:0.00}"));
            await o.WriteLineAsync($"miss line {miss.Line}: \"{miss.Text}\" expected {miss.Expected ?? "(no answer)"}, got {(got.Length == 0 ? "nothing" : got)}").ConfigureAwait(false);
        }

        await o.WriteLineAsync($"questions   {r.Questions} ({r.Answerable} answerable)").ConfigureAwait(false);
        await o.WriteLineAsync($"hit@1       {r.HitAt1:0.000}").ConfigureAwait(false);
        await o.WriteLineAsync($"hit@3       {r.HitAt3:0.000}").ConfigureAwait(false);
        await o.WriteLineAsync($"MRR         {r.Mrr:0.000}").ConfigureAwait(false);
        await o.WriteLineAsync($"at confidence >= {r.Threshold:0.00}: answered {r.AnsweredRate:P0}, right when answered {r.AnsweredPrecision:P1}, unanswerable held back {r.AbstainRate:P0}").ConfigureAwait(false);
        var d = r.Decisions;
        var t = d.Thresholds;
        await o.WriteLineAsync($"answer first (answerable questions): direct {d.DirectRate:P1} (right {d.DirectAccuracy:P1}), did you mean {d.ClarifyRate:P1} (right entry among the choices {d.ClarifyAccuracy:P1}), fallback {d.FallbackRate:P1}; unanswerable not answered {d.UnanswerableHeldBack:P0}").ConfigureAwait(false);
        await o.WriteLineAsync($"  thresholds: bar {t.MinConfidence:0.00}, tie margin {t.TieMargin:0.00}, clear lead {t.ClearLead:0.00} from {t.ClearLeadConfidence:0.00}, suggestions from {t.SuggestionConfidence:0.00}, alternatives within {t.AlternativeMargin:0.00}").ConfigureAwait(false);
        await o.WriteLineAsync($"query       p50 {r.QueryP50Ms:0.000} ms, p99 {r.QueryP99Ms:0.000} ms").ConfigureAwait(false);
        await o.WriteLineAsync("calibration (best answer's confidence -> share right):").ConfigureAwait(false);
        foreach (var b in r.Calibration)
        {
            await o.WriteLineAsync($"  {b.From:0.0}-{b.To:0.0}  {b.Correct,4}/{b.Count,-4} {(double)b.Correct / b.Count:P0}").ConfigureAwait(false);
        }
    }
}
