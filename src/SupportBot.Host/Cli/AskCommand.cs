using System.CommandLine;
using System.Text.Json;
using SupportBot.Host.Views;
using SupportBot.Knowledge;
using SupportBot.Knowledge.Search;

namespace SupportBot.Host.Cli;

/// <summary><c>supportbot ask "question"</c>: the best answers from the knowledge, with scores and why each matched.</summary>
internal static class AskCommand
{
    public static Command Create(CliContext context)
    {
        var question = new Argument<string[]>("question") { Description = "The shopper's question (quote it, or give it as several words).", Arity = ArgumentArity.OneOrMore };
        var top = new Option<int>("--top") { Description = "How many answers to show (1-50).", DefaultValueFactory = _ => 3 };
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts instead of text." };
        var locale = LocaleOption.Create();
        var command = new Command("ask", "Ask the knowledge base a question and see the best answers, their confidence and why they matched.")
        {
            question, top, json, locale,
        };
        command.SetAction((parse, cancellationToken) => SupportBotCli.Guard(context, async () =>
        {
            var n = parse.GetValue(top);
            if (n is < 1 or > 50)
            {
                throw new UsageException("--top must be between 1 and 50");
            }

            using var host = context.BuildToolHost();
            var options = CliContext.KnowledgeOptions(host);
            var knowledge = context.LoadKnowledge(host);
            if (knowledge.HasErrors)
            {
                await context.Error.WriteLineAsync($"note: the knowledge has {knowledge.Errors.Count()} error(s); those entries are left out (run 'supportbot knowledge validate')").ConfigureAwait(false);
            }

            var language = LocaleOption.LanguageOf(parse.GetValue(locale), knowledge);
            using var index = await KnowledgeIndex.BuildAsync(knowledge.In(language), options.Search, CliContext.Embeddings(host).For(language)).ConfigureAwait(false);
            var answer = await index.SearchAsync(string.Join(' ', parse.GetValue(question)!), n, cancellationToken).ConfigureAwait(false);
            var view = AnswerView.From(answer, options.Search.MinConfidence, null);
            if (parse.GetValue(json))
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(view, ViewJson.Options)).ConfigureAwait(false);
            }
            else
            {
                await context.Output.WriteAsync(AnswerText.Format(view)).ConfigureAwait(false);
            }

            return SupportBotCli.Success;
        }));
        return command;
    }
}
