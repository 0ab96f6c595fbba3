using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;
using SupportBot.Embeddings;
using SupportBot.Evaluation;
using SupportBot.Host.Reports.Intents;
using SupportBot.Host.Views;
using SupportBot.Knowledge;
using SupportBot.Storage;
using SupportBot.Understanding.Intents;

namespace SupportBot.Host.Cli;

/// <summary>
/// <c>supportbot eval intents</c>: train on one labelled set (or the shipped knowledge), test on another, and report
/// in-scope accuracy, out-of-scope recall and precision, macro-F1, per-intent scores and the most confused pairs;
/// or k-fold cross-validate the shipped knowledge with <c>--cv</c>. With <c>--locale fr</c> the knowledge's French
/// intents (<c>intents/fr/</c> and the French FAQ) are trained on, texts are read as French, and the test and
/// validation files default to <c>eval/fr/intents-test.jsonl</c> and <c>eval/fr/intents-valid.jsonl</c>.
/// </summary>
internal static class EvalIntentsCommand
{
    private static readonly JsonSerializerOptions ReadOptions = new() { PropertyNameCaseInsensitive = true };

    private sealed record Row(string? Text, string? Intent);

    public static Command Create(CliContext context)
    {
        var train = new Option<string?>("--train") { Description = "JSONL {\"text\", \"intent\"} to train on (default: the knowledge folder's intents and FAQ)." };
        var test = new Option<string?>("--test") { Description = "JSONL {\"text\", \"intent\"} to test on." };
        var valid = new Option<string?>("--valid") { Description = "JSONL to calibrate on and choose the out-of-scope threshold with." };
        var oosLabel = new Option<string>("--oos-label") { Description = "The label of out-of-scope utterances in the files.", DefaultValueFactory = _ => "oos" };
        var json = new Option<string?>("--json") { Description = "Write the report as JSON to this file (or to the output when no file is given).", Arity = ArgumentArity.ZeroOrOne };
        var report = new Option<string?>("--report") { Description = "Write an HTML report (confusion heat map, confidence histogram) to this file." };
        var trainer = new Option<IntentTrainer?>("--trainer") { Description = "Override Understanding:Trainer (SdcaMaximumEntropy, LbfgsMaximumEntropy, LinearSvm)." };
        var cv = new Option<int?>("--cv") { Description = "k-fold cross-validation on the knowledge folder's training data instead of --train/--test." };
        var embeddings = new Option<string?>("--embeddings") { Description = "none: words only; local: words and the packaged sentence model's vectors (default: as Embeddings:Provider says)." };
        embeddings.AcceptOnlyFromAmong("none", "local");
        var locale = new Option<string?>("--locale")
        {
            Description = "The language to evaluate (fr, es or a locale such as fr-FR): its intents, its text handling, and eval/<lang>/intents-test.jsonl and intents-valid.jsonl unless --test/--valid say otherwise (default: the default language).",
        };
        var command = new Command("intents", "Evaluate the intent classifier: accuracy, out-of-scope detection, per-intent F1, confusions.")
        {
            train, test, valid, oosLabel, json, report, trainer, cv, embeddings, locale,
        };
        command.SetAction((parse, cancellationToken) => SupportBotCli.Guard(context, async () =>
        {
            using var host = context.BuildToolHost();
            // A fresh, validated instance from the factory: this run may change it without touching the host's settings.
            var options = host.Services.GetRequiredService<IOptionsFactory<IntentOptions>>().Create(Options.DefaultName);
            var label = parse.GetValue(oosLabel)!;
            options.Trainer = parse.GetValue(trainer) ?? options.Trainer;
            var folds = parse.GetValue(cv);
            var jsonWanted = parse.GetResult(json) is not null;
            var jsonPath = parse.GetValue(json);
            var interactive = !jsonWanted && !Console.IsOutputRedirected && context.Output == Console.Out;
            var language = EvalLanguage.Of(parse.GetValue(locale), host);
            var embedder = language.UsesEmbeddings(parse.GetValue(embeddings), options) ? Embedder(parse.GetValue(embeddings), host, context) : null;

            IntentEvaluationReport result;
            if (folds is not null)
            {
                if (parse.GetValue(train) is not null || parse.GetValue(test) is not null)
                {
                    throw new UsageException("--cv cross-validates the knowledge folder; it does not take --train or --test");
                }

                var examples = language.TrainingSet(LoadKnowledge(context, host));
                result = await RunAsync(interactive, "Cross-validating",
                    () => IntentCrossValidation.RunAsync(examples, folds.Value, options, embedder: embedder, language: language.Code, cancellationToken: cancellationToken)).ConfigureAwait(false);
            }
            else
            {
                var testPath = parse.GetValue(test) ?? language.EvalFile(context, "intents-test.jsonl", required: true)
                    ?? throw new UsageException("--test is required (or use --cv)");
                var trainPath = parse.GetValue(train);
                var testSet = Read(testPath);
                var validSet = (parse.GetValue(valid) ?? (parse.GetValue(test) is null ? language.EvalFile(context, "intents-valid.jsonl", required: false) : null)) is { } validPath
                    ? Read(validPath)
                    : null;
                IReadOnlyList<IntentExample> trainSet;
                if (trainPath is null)
                {
                    trainSet = language.TrainingSet(LoadKnowledge(context, host));
                }
                else
                {
                    trainSet = Read(trainPath);
                    options.OutOfScopeIntent = label;
                }

                var model = await RunAsync(interactive, "Training",
                    () => IntentClassifierTrainer.TrainAsync(trainSet, validSet, options, embedder: embedder, language: language.Code, cancellationToken: cancellationToken)).ConfigureAwait(false);
                result = interactive
                    ? await WithProgressAsync(model, testSet, label, cancellationToken).ConfigureAwait(false)
                    : await IntentEvaluation.RunAsync(model, testSet, label, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            if (parse.GetValue(report) is { } reportPath)
            {
                await IntentHtmlReport.WriteAsync(result, reportPath).ConfigureAwait(false);
            }

            var serialized = JsonSerializer.Serialize(result, ViewJson.Options);
            if (jsonWanted && jsonPath is null)
            {
                await context.Output.WriteLineAsync(serialized).ConfigureAwait(false);
            }
            else
            {
                if (jsonPath is not null)
                {
                    await File.WriteAllTextAsync(jsonPath, serialized).ConfigureAwait(false);
                }

                await WriteText(context.Output, result, language.IsDefault ? null : language.Code).ConfigureAwait(false);
            }

            return SupportBotCli.Success;
        }));
        return command;
    }

    /// <summary>The sentence vectors to train with: none, the packaged model, or whatever <c>Embeddings:Provider</c> says.</summary>
    private static IntentEmbedder? Embedder(string? choice, Microsoft.Extensions.Hosting.IHost host, CliContext context)
    {
        if (choice is null)
        {
            return IntentEmbedder.For(CliContext.Embeddings(host));
        }

        if (choice == "none")
        {
            return null;
        }

        // The packaged model, with the configured cache and limits.
        var configured = host.Services.GetRequiredService<IOptions<EmbeddingOptions>>().Value;
        var local = new EmbeddingOptions
        {
            Provider = EmbeddingProvider.Local,
            CachePath = configured.CachePath,
            MemoryCacheEntries = configured.MemoryCacheEntries,
            BatchSize = configured.BatchSize,
            MaxTextCharacters = configured.MaxTextCharacters,
        };
        return IntentEmbedder.For(EmbeddingServiceCollectionExtensions.Create(local, host.Services.GetRequiredService<IOptions<StorageOptions>>().Value, context.ContentRoot));
    }

    private static KnowledgeBase LoadKnowledge(CliContext context, Microsoft.Extensions.Hosting.IHost host)
    {
        var knowledge = context.LoadKnowledge(host);
        return knowledge.HasErrors
            ? throw new UsageException($"the knowledge has errors, first: {knowledge.Errors.First()} (run 'supportbot knowledge validate')")
            : knowledge;
    }

    /// <summary>Reads a labelled JSONL file; a malformed line stops the run as <c>path:line: message</c>.</summary>
    internal static List<IntentExample> Read(string path)
    {
        var examples = new List<IntentExample>();
        foreach (var (row, line) in JsonLines.Read<Row>(path, ReadOptions))
        {
            if (string.IsNullOrWhiteSpace(row.Text))
            {
                throw new DatasetException(path, line, "\"text\" is missing or empty");
            }

            if (string.IsNullOrWhiteSpace(row.Intent))
            {
                throw new DatasetException(path, line, "\"intent\" is missing or empty");
            }

            examples.Add(new IntentExample(row.Text, row.Intent));
        }

        return examples.Count > 0 ? examples : throw new DatasetException(path, 1, "the file has no examples");
    }

    private static async Task<T> RunAsync<T>(bool interactive, string what, Func<Task<T>> work)
    {
        try
        {
            return interactive
                ? await AnsiConsole.Status().StartAsync($"{what}…", _ => work()).ConfigureAwait(false)
                : await work().ConfigureAwait(false);
        }
        catch (IntentTrainingException ex)
        {
            throw new UsageException(ex.Message);
        }
    }

    private static Task<IntentEvaluationReport> WithProgressAsync(IntentModel model, List<IntentExample> test, string label, CancellationToken cancellationToken) =>
        AnsiConsole.Progress().AutoClear(true).StartAsync(progress =>
        {
            var task = progress.AddTask("Predicting", maxValue: test.Count);
            return IntentEvaluation.RunAsync(model, test, label, new Progress<int>(done => task.Value = done), cancellationToken);
        });

    /// <param name="language">The language measured when it is not the default one.</param>
    private static async Task WriteText(TextWriter o, IntentEvaluationReport r, string? language)
    {
        if (language is not null)
        {
            await o.WriteLineAsync($"language          {language}").ConfigureAwait(false);
        }

        await o.WriteLineAsync($"examples          {r.Examples} ({r.InScopeExamples} in scope, {r.OutOfScopeExamples} out of scope)").ConfigureAwait(false);
        await o.WriteLineAsync($"in-scope accuracy {r.InScopeAccuracy:P1}").ConfigureAwait(false);
        await o.WriteLineAsync($"oos recall        {r.OutOfScopeRecall:P1}").ConfigureAwait(false);
        await o.WriteLineAsync($"oos precision     {r.OutOfScopePrecision:P1}").ConfigureAwait(false);
        await o.WriteLineAsync($"macro F1          {r.MacroF1:0.000}").ConfigureAwait(false);
        await o.WriteLineAsync($"threshold         {r.Threshold:0.00} (temperature {r.Temperature:0.00}, {r.Trainer})").ConfigureAwait(false);
        await o.WriteLineAsync($"training          {r.TrainExamples} examples in {r.TrainSeconds:0.0} s").ConfigureAwait(false);
        await o.WriteLineAsync($"prediction        p50 {r.PredictP50Ms:0.000} ms, p99 {r.PredictP99Ms:0.000} ms").ConfigureAwait(false);
        await o.WriteLineAsync("weakest intents (F1):").ConfigureAwait(false);
        foreach (var m in r.PerIntent.OrderBy(m => m.F1).Take(10))
        {
            await o.WriteLineAsync($"  {m.Intent,-28} P {m.Precision:0.00}  R {m.Recall:0.00}  F1 {m.F1:0.00}  ({m.Support})").ConfigureAwait(false);
        }

        await o.WriteLineAsync("most confused (truth -> predicted):").ConfigureAwait(false);
        foreach (var p in r.MostConfused)
        {
            await o.WriteLineAsync($"  {p.Truth} -> {p.Predicted}: {p.Count}").ConfigureAwait(false);
        }
    }
}
