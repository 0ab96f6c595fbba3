using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SupportBot.Host.Views;
using SupportBot.Knowledge;
using SupportBot.Storage;
using SupportBot.Understanding.Intents;

namespace SupportBot.Host.Cli;

/// <summary><c>supportbot train</c>: train the intent model from the knowledge and cache it under the data folder.</summary>
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
            var (model, trained) = await LiveIntents.LoadOrTrainAsync(knowledge, options, store, parse.GetValue(force), progress, IntentEmbedder.For(CliContext.Embeddings(host)),
                cancellationToken).ConfigureAwait(false);
            var info = model.Info;
            if (parse.GetValue(json))
            {
                var view = new { trained, path = store.ModelPath(info.Hash), info.Hash, intents = info.Intents, info.Examples, info.Threshold, info.Temperature, trainer = info.Trainer.ToString(), info.TrainSeconds };
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(view, ViewJson.Options)).ConfigureAwait(false);
            }
            else
            {
                await context.Output.WriteLineAsync(trained
                    ? $"Trained {info.Intents.Count} intents from {info.Examples} examples with {info.Trainer} in {info.TrainSeconds:0.0} s."
                    : $"Up to date: the cached model matches the training data (use --force to train again).").ConfigureAwait(false);
                await context.Output.WriteLineAsync($"Model {info.Hash}: {store.ModelPath(info.Hash)}").ConfigureAwait(false);
                await context.Output.WriteLineAsync($"Out-of-scope threshold {info.Threshold:0.00}, calibration temperature {info.Temperature:0.00}.").ConfigureAwait(false);
            }

            return SupportBotCli.Success;
        }));
        return command;
    }
}
