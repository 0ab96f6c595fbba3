using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SupportBot.Host.Views;
using SupportBot.Knowledge;
using SupportBot.Knowledge.Intents;
using SupportBot.Storage;
using SupportBot.Understanding.Intents;

namespace SupportBot.Host.Cli;

/// <summary>
/// <c>supportbot train</c>: train the intent model from the knowledge and cache it under the data folder, and one
/// model for each other language with intent files (<c>intents/&lt;lang&gt;/</c>), so a server finds them all cached.
/// </summary>
internal static class TrainCommand
{
    public static Command Create(CliContext context)
    {
        var force = new Option<bool>("--force") { Description = "Train even when a model for this exact training data is cached." };
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts instead of text." };
        var command = new Command("train", "Train the intent classifier from knowledge/ (intents and FAQ phrasings) and cache it under the data folder.")
        {
            force, json,
        };
        command.SetAction((parse, cancellationToken) => SupportBotCli.Guard(context, async () =>
        {
            using var host = context.BuildToolHost();
            var knowledge = context.LoadKnowledge(host);
            if (knowledge.HasErrors)
            {
                foreach (var error in knowledge.Errors)
                {
                    await context.Error.WriteLineAsync(error.ToString()).ConfigureAwait(false);
                }

                await context.Error.WriteLineAsync("train: fix the knowledge first (supportbot knowledge validate)").ConfigureAwait(false);
                return SupportBotCli.CheckFailed;
            }

            var options = host.Services.GetRequiredService<IOptions<IntentOptions>>().Value;
            var store = LiveIntents.StoreFor(host.Services.GetRequiredService<IOptions<StorageOptions>>().Value, context.ContentRoot);
            var progress = parse.GetValue(json) ? null : new Progress<string>(step => context.Error.WriteLine($"train: {step}"));
            var embedder = IntentEmbedder.For(CliContext.Embeddings(host));
            var (model, trained) = await LiveIntents.LoadOrTrainAsync(knowledge, options, store, parse.GetValue(force), progress, embedder,
                cancellationToken).ConfigureAwait(false);
            var info = model.Info;
            var defaultLanguage = KnowledgeLanguages.Of(CliContext.KnowledgeOptions(host).DefaultLocale);
            var languages = new List<(string Language, IntentModelInfo Info, bool Trained)>();
            foreach (var language in knowledge.IntentTranslations.Languages.Where(l => l != defaultLanguage))
            {
                var (other, otherTrained) = await LiveIntents.LoadOrTrainAsync(IntentTrainingSet.From(knowledge, language, defaultLanguage), language, options, store,
                    parse.GetValue(force), progress, options.EmbeddingsInOtherLanguages ? embedder : null, cancellationToken).ConfigureAwait(false);
                languages.Add((language, other.Info, otherTrained));
            }

            if (parse.GetValue(json))
            {
                var others = languages.Select(l => new
                {
                    l.Language, l.Trained, path = store.ModelPath(l.Info.Hash, l.Language), l.Info.Hash, intents = l.Info.Intents, l.Info.Examples, l.Info.Threshold,
                    l.Info.Temperature, l.Info.TrainSeconds,
                });
                var view = new
                {
                    trained, path = store.ModelPath(info.Hash), info.Hash, intents = info.Intents, info.Examples, info.Threshold, info.Temperature,
                    trainer = info.Trainer.ToString(), info.TrainSeconds, languages = others,
                };
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(view, ViewJson.Options)).ConfigureAwait(false);
            }
            else
            {
                await context.Output.WriteLineAsync(trained
                    ? $"Trained {info.Intents.Count} intents from {info.Examples} examples with {info.Trainer} in {info.TrainSeconds:0.0} s."
                    : $"Up to date: the cached model matches the training data (use --force to train again).").ConfigureAwait(false);
                await context.Output.WriteLineAsync($"Model {info.Hash}: {store.ModelPath(info.Hash)}").ConfigureAwait(false);
                await context.Output.WriteLineAsync($"Out-of-scope threshold {info.Threshold:0.00}, calibration temperature {info.Temperature:0.00}.").ConfigureAwait(false);
                foreach (var (language, other, otherTrained) in languages)
                {
                    await context.Output.WriteLineAsync(otherTrained
                        ? $"{language}: trained {other.Intents.Count} intents from {other.Examples} examples in {other.TrainSeconds:0.0} s: {store.ModelPath(other.Hash, language)}"
                        : $"{language}: up to date: {store.ModelPath(other.Hash, language)}").ConfigureAwait(false);
                }
            }

            return SupportBotCli.Success;
        }));
        return command;
    }
}
