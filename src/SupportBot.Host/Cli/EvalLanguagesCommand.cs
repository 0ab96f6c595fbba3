using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Evaluation;
using SupportBot.Host.Views;
using SupportBot.Languages;

namespace SupportBot.Host.Cli;

/// <summary>
/// <c>supportbot eval languages</c>: the language rule over a labelled set of messages (docs/LANGUAGES.md): accuracy
/// overall and per language, the switches on messages of fewer than three words (the gate is none), a confusion table.
/// </summary>
internal static class EvalLanguagesCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file")
        {
            Description = "JSONL with one {\"text\", \"language\", \"previous\": <code> | null, \"channel\": <locale> | null} per line.",
            DefaultValueFactory = _ => Path.Combine("eval", "languages.jsonl"),
        };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var minAccuracy = new Option<double?>("--min-accuracy") { Description = "Fail (exit 1) when the accuracy is below this fraction." };
        var command = new Command("languages", "Score which language each message leaves the conversation in: accuracy, per language, short-message switches, confusions.")
        {
            file, json, minAccuracy,
        };
        command.SetAction((parse, cancellationToken) => SupportBotCli.Guard(context, async () =>
        {
            using var host = context.BuildToolHost();
            var resolver = host.Services.GetRequiredService<LanguageResolver>();
            // A path as given (from the working folder); the default, eval/languages.jsonl, from the content root too.
            var given = parse.GetValue(file)!;
            var path = File.Exists(given) ? given : Path.GetFullPath(given, context.ContentRoot);
            var examples = LanguageEvaluation.Load(path, resolver.Supported);
            // What loading the models costs (docs/LANGUAGES.md): the time, and the managed memory they hold afterwards.
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var loading = Stopwatch.StartNew();
            await host.Services.GetRequiredService<ILanguageDetector>().LoadAsync().ConfigureAwait(false);
            var load = new ModelLoad(Math.Round(loading.Elapsed.TotalMilliseconds), Math.Round((GC.GetTotalMemory(forceFullCollection: true) - before) / 1048576.0, 1));
            var report = await LanguageEvaluation.RunAsync(resolver, examples, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(report with { Models = load }, ViewJson.Options)).ConfigureAwait(false);
            }
            else
            {
                await WriteText(context.Output, report).ConfigureAwait(false);
                await context.Output.WriteLineAsync($"models          loaded in {load.Milliseconds:0} ms, {load.Megabytes:0.0} MB of managed memory").ConfigureAwait(false);
            }

            var failed = report.ShortSwitches > 0 || report.Accuracy < (parse.GetValue(minAccuracy) ?? 0);
            if (failed)
            {
                await context.Error.WriteLineAsync(report.ShortSwitches > 0
                    ? $"eval languages: {report.ShortSwitches} message(s) of fewer than three words switched the language"
                    : "eval languages: below the required accuracy").ConfigureAwait(false);
            }

            return failed ? SupportBotCli.CheckFailed : SupportBotCli.Success;
        }));
        return command;
    }

    private static async Task WriteText(TextWriter o, LanguageEvaluationReport r)
    {
        foreach (var miss in r.Misses)
        {
            var detected = miss.Detected is null ? "not asked" : $"detected {miss.Detected} {miss.Confidence:0.000}";
            await o.WriteLineAsync($"miss line {miss.Line}: \"{miss.Text}\" expected {miss.Expected}, got {miss.Got} (was {miss.Previous}; {miss.Reason}, {detected})").ConfigureAwait(false);
        }

        await o.WriteLineAsync($"messages        {r.Messages}").ConfigureAwait(false);
        await o.WriteLineAsync($"accuracy        {r.Accuracy:P1} ({r.Correct}/{r.Messages})").ConfigureAwait(false);
        foreach (var l in r.PerLanguage)
        {
            await o.WriteLineAsync($"  {l.Language,-4}          {l.Accuracy:P1} ({l.Correct}/{l.Messages})").ConfigureAwait(false);
        }

        await o.WriteLineAsync($"switches        {r.Switches}").ConfigureAwait(false);
        await o.WriteLineAsync($"short switches  {r.ShortSwitches} of {r.ShortMessages} messages of fewer than three words (must be 0)").ConfigureAwait(false);
        await o.WriteLineAsync($"per message     p50 {r.P50Ms:0.000} ms, p99 {r.P99Ms:0.000} ms").ConfigureAwait(false);
        var languages = r.PerLanguage.Select(l => l.Language).Union(r.Confusion.Select(c => c.Got)).Order(StringComparer.Ordinal).ToList();
        await o.WriteLineAsync("confusion (rows: labelled, columns: resolved):").ConfigureAwait(false);
        await o.WriteLineAsync("        " + string.Concat(languages.Select(l => $"{l,6}"))).ConfigureAwait(false);
        foreach (var expected in r.PerLanguage.Select(l => l.Language))
        {
            var cells = languages.Select(got => r.Confusion.FirstOrDefault(c => c.Expected == expected && c.Got == got)?.Count ?? 0);
            await o.WriteLineAsync($"  {expected,-6}" + string.Concat(cells.Select(c => $"{c,6}"))).ConfigureAwait(false);
        }
    }
}
