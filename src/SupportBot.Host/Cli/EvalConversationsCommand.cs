using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using SupportBot.Evaluation.Conversations;
using SupportBot.Host.Evaluation;
using SupportBot.Host.Reports;
using SupportBot.Host.Reports.Conversations;

namespace SupportBot.Host.Cli;

/// <summary>
/// <c>supportbot eval conversations</c>: replays <c>.chat</c> and <c>.transcript</c> conversations against a fresh
/// engine each (or a running bot over Direct Line), prints every failure with a diff and the run's metrics, and
/// writes JUnit, JSON and HTML for CI. Exit 1 when an assertion fails, a file cannot be read, a conversation is
/// flaky (unless allowed) or a metric is below its <c>--min-…</c> bound.
/// </summary>
internal static class EvalConversationsCommand
{
    public const string DefaultFolder = "eval/conversations";

    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("paths") { Description = $".chat/.transcript files or folders (default: {DefaultFolder}).", Arity = ArgumentArity.ZeroOrMore };
        var url = new Option<string?>("--url") { Description = "Run against a bot serving Direct Line at this address (e.g. http://localhost:5080) instead of in process." };
        var secret = new Option<string?>("--secret") { Description = "The Direct Line secret for --url (default: the page's token endpoint /api/webchat/token)." };
        var junit = new Option<string?>("--junit") { Description = "Write a JUnit XML report to this file." };
        var json = new Option<string?>("--json") { Description = "Write the whole run as JSON to this file (a later run's --baseline)." };
        var report = new Option<string?>("--report") { Description = "Write an offline HTML report (failures, charts, threshold sweep) to this file." };
        var baseline = new Option<string?>("--baseline") { Description = "An earlier run's --json: mark each regression and each fix." };
        var parallel = new Option<int>("--parallel") { Description = "Conversations run at once.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var repeat = new Option<int>("--repeat") { Description = "Run each conversation this many times; runs that disagree make it flaky.", DefaultValueFactory = _ => 1 };
        var tolerance = new Option<TextTolerance>("--tolerance") { Description = "How bot texts are compared unless a file says otherwise: Exact, Normalized, Semantic.", DefaultValueFactory = _ => TextTolerance.Normalized };
        var allowFlaky = new Option<bool>("--allow-flaky") { Description = "Report flaky conversations without failing the run." };
        var locale = new Option<string[]>("--locale")
        {
            Description = "Run only the conversations in these locales (fr, es, en, fr-FR; several: --locale fr,es); the report gives each locale's figures.",
            AllowMultipleArgumentsPerToken = true,
        };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the bot's answer to one turn over Direct Line.", DefaultValueFactory = _ => 20 };
        var bounds = MetricBound.All.Select(b => (Bound: b, Option: new Option<double?>("--min-" + b.Name) { Description = $"Fail (exit 1) when {b.Description} is below this fraction." })).ToList();

        var command = new Command("conversations", "Replay recorded (.transcript) and scripted (.chat) conversations and check what the bot says and does.")
        {
            paths, url, secret, junit, json, report, baseline, parallel, repeat, tolerance, allowFlaky, timeout, locale,
        };
        foreach (var (_, option) in bounds)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) => SupportBotCli.Guard(context, async () =>
        {
            if (parse.GetValue(parallel) < 1 || parse.GetValue(repeat) < 1 || parse.GetValue(timeout) < 1)
            {
                throw new UsageException("--parallel, --repeat and --timeout must be at least 1");
            }

            Uri? address = null;
            if (parse.GetValue(url) is { } given && (!Uri.TryCreate(given, UriKind.Absolute, out address) || address.Scheme is not ("http" or "https")))
            {
                throw new UsageException($"--url '{given}' is not an http(s) address such as http://localhost:5080");
            }

            var locales = ConversationLocales.Parse(parse.GetValue(locale));
            var files = parse.GetValue(paths) is { Length: > 0 } p ? p : [Path.Combine(context.ContentRoot, DefaultFolder)];
            IReadOnlyList<ScriptedConversation> scripts;
            IReadOnlyList<FileProblem> problems;
            try
            {
                (scripts, problems) = ConversationFiles.Load(files, Directory.GetCurrentDirectory());
            }
            catch (FileNotFoundException ex)
            {
                throw new UsageException(ex.Message);
            }

            // Settings are checked before anything runs; the report marks the answer bar they set.
            using var host = context.BuildToolHost();
            var threshold = CliContext.KnowledgeOptions(host).Search.MinConfidence;
            var embeddings = CliContext.Embeddings(host);
            var defaultLocale = CliContext.KnowledgeOptions(host).DefaultLocale;
            scripts = ConversationLocales.Select(scripts, locales, defaultLocale);

            var earlier = ReadBaseline(parse.GetValue(baseline));
            var settings = new EvaluationSettings(parse.GetValue(tolerance), parse.GetValue(repeat), parse.GetValue(parallel),
                embeddings.IsEnabled ? new MeaningComparer(embeddings) : null, defaultLocale);
            ConversationRun run;
            SupportBot.Insights.Kpis.KpiReport? kpis = null;
            if (address is not null)
            {
                using var http = new HttpClient { BaseAddress = new Uri(address.ToString().TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout) + 10) };
                var driver = new DirectLineDriver(http, parse.GetValue(secret), TimeSpan.FromSeconds(parse.GetValue(timeout)));
                run = await RunAsync(context, driver, settings, scripts, problems, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                using var driver = await InProcessDriver.PrepareAsync(context.BuildToolHost, cancellationToken).ConfigureAwait(false);
                run = await RunAsync(context, driver, settings, scripts, problems, cancellationToken).ConfigureAwait(false);
                kpis = await driver.Insights.ComputeAsync(TimeProvider.System, cancellationToken).ConfigureAwait(false);
            }

            // Reports leave the machine (CI logs, chats): no shopper's address or e-mail goes with them.
            run = ConversationRunRedactor.Redact(run);
            var comparison = earlier is null ? null : BaselineComparer.Compare(earlier, run);
            await WriteTextAsync(context.Output, run, comparison).ConfigureAwait(false);
            var perLocale = ConversationLocales.AreReported(run, defaultLocale);
            if (perLocale)
            {
                await ConversationLocales.WriteAsync(context.Output, run).ConfigureAwait(false);
            }
            if (kpis is not null)
            {
                await context.Output.WriteAsync(SupportBot.Host.Reports.Kpis.KpiFigures.Text(kpis)).ConfigureAwait(false);
            }

            await WriteFileAsync(parse.GetValue(junit), () => JUnitReport.Write(run)).ConfigureAwait(false);
            await WriteFileAsync(parse.GetValue(json), () => JsonSerializer.Serialize(run, ConversationJson.Options)).ConfigureAwait(false);
            await WriteFileAsync(parse.GetValue(report), () => ConversationHtmlReport.RenderAsync(run, comparison, threshold, kpis)).ConfigureAwait(false);

            var failed = run.Problems.Count > 0
                || run.Conversations.Any(c => c.Outcome is ConversationOutcome.Failed or ConversationOutcome.Error)
                || (!parse.GetValue(allowFlaky) && run.Metrics.Flaky > 0);
            // A bound holds for the run and, when it is reported per locale, for each locale's suite on its own.
            var measured = new List<(string Prefix, ConversationMetrics Metrics)> { ("", run.Metrics) };
            if (perLocale)
            {
                measured.AddRange(run.Locales.Select(l => (l.Locale + ": ", l.Metrics)));
            }

            foreach (var (bound, option) in bounds)
            {
                foreach (var (prefix, metrics) in measured)
                {
                    if (parse.GetValue(option) is { } minimum && bound.Value(metrics) is var value && (value is null || value < minimum))
                    {
                        await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                            $"{prefix}{bound.Description} {(value is null ? "could not be measured" : $"{value:P1}")} is below --min-{bound.Name} {minimum:P1}")).ConfigureAwait(false);
                        failed = true;
                    }
                }
            }

            return failed ? SupportBotCli.CheckFailed : SupportBotCli.Success;
        }));
        return command;
    }

    private static async Task<ConversationRun> RunAsync(CliContext context, IConversationDriver driver, EvaluationSettings settings,
        IReadOnlyList<ScriptedConversation> scripts, IReadOnlyList<FileProblem> problems, CancellationToken cancellationToken)
    {
        var evaluator = new ConversationEvaluator(driver, settings, TimeProvider.System);
        if (Console.IsOutputRedirected || context.Output != Console.Out)
        {
            return await evaluator.RunAsync(scripts, problems, null, cancellationToken).ConfigureAwait(false);
        }

        ConversationRun? run = null;
        await AnsiConsole.Progress().AutoClear(true).StartAsync(async progress =>
        {
            var task = progress.AddTask($"Conversations ({driver.Target})", maxValue: scripts.Count);
            run = await evaluator.RunAsync(scripts, problems, _ => task.Increment(1), cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return run!;
    }

    private static ConversationRun? ReadBaseline(string? path) =>
        path is null ? null : BaselineComparer.ReadBaselineFile(path, out var error) ?? throw new UsageException($"--baseline {error}");

    private static Task WriteFileAsync(string? path, Func<string> content) => WriteFileAsync(path, () => Task.FromResult(content()));

    private static async Task WriteFileAsync(string? path, Func<Task<string>> content)
    {
        if (path is null)
        {
            return;
        }

        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await File.WriteAllTextAsync(path, await content().ConfigureAwait(false)).ConfigureAwait(false);
    }

    private static async Task WriteTextAsync(TextWriter o, ConversationRun run, BaselineComparison? comparison)
    {
        foreach (var problem in run.Problems)
        {
            await o.WriteLineAsync($"UNREADABLE {problem}").ConfigureAwait(false);
        }

        foreach (var conversation in run.Conversations.Where(c => c.Outcome != ConversationOutcome.Passed))
        {
            var mark = comparison?.Regressions.Contains(conversation.Path + "#" + conversation.Name) == true ? " (regression)" : "";
            await o.WriteLineAsync($"{conversation.Outcome.ToString().ToUpperInvariant()} {conversation.Path} ({conversation.Name}){mark}"
                + (conversation.Outcome == ConversationOutcome.Flaky ? $": passed {conversation.PassedRuns} of {conversation.Runs} runs" : "")
                + (conversation.Error is { } error ? $": {error}" : "")).ConfigureAwait(false);
            foreach (var turn in conversation.Turns.Where(t => !t.Passed))
            {
                await o.WriteLineAsync($"  turn {turn.Index} (line {turn.Line}): user: {turn.UserText}").ConfigureAwait(false);
                foreach (var failure in turn.Failures)
                {
                    await o.WriteLineAsync($"    {failure.Check}: expected {Quote(failure.Expected)}").ConfigureAwait(false);
                    await o.WriteLineAsync($"    {new string(' ', failure.Check.Length)}  actual   {Quote(failure.Actual)}").ConfigureAwait(false);
                    if (failure.Diff is { } diff)
                    {
                        await o.WriteLineAsync($"    {new string(' ', failure.Check.Length)}  diff     {diff}").ConfigureAwait(false);
                    }
                }
            }
        }

        if (comparison is not null)
        {
            await o.WriteLineAsync($"against the baseline: {comparison.Regressions.Count} regressions, {comparison.Fixes.Count} fixed").ConfigureAwait(false);
            foreach (var fix in comparison.Fixes)
            {
                await o.WriteLineAsync($"  fixed {fix}").ConfigureAwait(false);
            }
        }

        var m = run.Metrics;
        var passed = run.Conversations.Count(c => c.Outcome == ConversationOutcome.Passed);
        await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"conversations {m.Conversations}: {passed} passed, {m.Conversations - passed - m.Flaky - m.Errors} failed, {m.Flaky} flaky, {m.Errors} errors; {run.Problems.Select(p => p.Path).Distinct().Count()} unreadable files ({run.Target})")).ConfigureAwait(false);
        foreach (var bound in MetricBound.All)
        {
            await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{bound.Description,-28} {(bound.Value(m) is { } v ? v.ToString("P1", CultureInfo.InvariantCulture) : "—")}")).ConfigureAwait(false);
            if (bound.Name == "containment-confirmed")
            {
                await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{"containment (assumed)",-28} {m.ContainmentAssumed:P1} (no handoff, and the shopper never said it helped)")).ConfigureAwait(false);
            }
        }

        await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{"first response",-28} p50 {m.FirstResponseP50Ms:0.0} ms, p99 {m.FirstResponseP99Ms:0.0} ms")).ConfigureAwait(false);
    }

    private static string Quote(string text) => "\"" + text.Replace("\n", "\\n", StringComparison.Ordinal) + "\"";

    /// <summary>A metric a run can be held to with <c>--min-name</c>.</summary>
    private sealed record MetricBound(string Name, string Description, Func<ConversationMetrics, double?> Value)
    {
        public static readonly MetricBound[] All =
        [
            new("turn-pass-rate", "turn pass rate", m => m.TurnPassRate),
            new("conversation-pass-rate", "conversation pass rate", m => m.ConversationPassRate),
            new("intent-accuracy", "intent accuracy", m => m.IntentAccuracy),
            new("faq-hit-rate", "FAQ hit rate", m => m.FaqHitRate),
            new("containment", "containment (all)", m => m.ContainmentConfirmed + m.ContainmentAssumed),
            new("containment-confirmed", "containment (confirmed)", m => m.ContainmentConfirmed),
            new("handoff-precision", "handoff precision", m => m.HandoffPrecision),
            new("handoff-recall", "handoff recall", m => m.HandoffRecall),
        ];
    }
}
