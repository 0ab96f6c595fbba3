using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SupportBot.Conversation;
using SupportBot.Schema;

namespace SupportBot.Host.Cli;

/// <summary>
/// <c>supportbot chat</c>: a conversation in the terminal on the same engine as every channel, for editors trying
/// their changes (the knowledge reloads while it runs). Reads lines from standard input, so it can be scripted.
/// </summary>
internal static class ChatCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print every activity (replies and decision traces) as one JSON line." };
        var trace = new Option<bool>("--trace") { Description = "Show why the bot replied as it did (intent, FAQ entry, confidence, who drafted it)." };
        var command = new Command("chat", "Chat with the bot in the terminal. Type 'quit' to leave; type a number to pick a suggested reply.")
        {
            json, trace,
        };
        command.SetAction((parse, ct) => SupportBotCli.Guard(context, async () =>
        {
            using var host = context.BuildToolHost();
            await host.StartAsync(ct).ConfigureAwait(false);
            var turns = host.Services.GetRequiredService<ConversationTurns>();
            var session = new ChatSession(turns, context.Output, parse.GetValue(json), parse.GetValue(trace));
            await session.StartAsync(ct).ConfigureAwait(false);
            while (!ct.IsCancellationRequested)
            {
                if (!parse.GetValue(json) && !Console.IsInputRedirected && context.Input == Console.In)
                {
                    await context.Output.WriteAsync("you> ").ConfigureAwait(false);
                }

                var line = await context.Input.ReadLineAsync(ct).ConfigureAwait(false);
                if (line is null || line.Trim() is "quit" or "exit")
                {
                    break;
                }

                await session.SayAsync(line, ct).ConfigureAwait(false);
            }

            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            return SupportBotCli.Success;
        }));
        return command;
    }

    private sealed class ChatSession(ConversationTurns turns, TextWriter output, bool json, bool trace)
    {
        private readonly ConversationAccount _conversation = new("cli-" + Guid.NewGuid().ToString("N")[..12]);
        private readonly ChannelAccount _user = new("cli-user", "You", "user");
        private IReadOnlyList<CardAction> _choices = [];
        private int _sequence;

        public Task StartAsync(CancellationToken ct) => SendAsync(new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            MembersAdded = [_user],
        }, ct);

        public Task SayAsync(string line, CancellationToken ct)
        {
            var text = line.Trim();
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pick) && pick >= 1 && pick <= _choices.Count)
            {
                text = _choices[pick - 1].Value?.ToString() ?? _choices[pick - 1].Title;
                if (!json)
                {
                    output.WriteLine($"you> {text}");
                }
            }

            return SendAsync(new Activity { Type = ActivityTypes.Message, Text = text }, ct);
        }

        private async Task SendAsync(Activity activity, CancellationToken ct)
        {
            var inbound = activity with
            {
                Id = $"{_conversation.Id}|{++_sequence:D6}",
                ChannelId = "cli",
                From = _user,
                Recipient = ConversationEngine.Bot,
                Conversation = _conversation,
                Locale = "en-US",
            };
            var turn = await turns.HandleAsync(ConversationKey.DirectLine(_conversation.Id), inbound, new ClientIdentity("cli", "local", _user.Id), cancellationToken: ct).ConfigureAwait(false);
            foreach (var reply in turn.ReplyActivities)
            {
                if (json)
                {
                    await output.WriteLineAsync(JsonSerializer.Serialize(reply, ActivityJson.Options)).ConfigureAwait(false);
                }
                else if (reply.Type == ActivityTypes.Message)
                {
                    await output.WriteLineAsync($"bot> {reply.Text}").ConfigureAwait(false);
                    _choices = reply.SuggestedActions?.Actions ?? [];
                    for (var i = 0; i < _choices.Count; i++)
                    {
                        await output.WriteLineAsync($"     {i + 1}) {_choices[i].Title}").ConfigureAwait(false);
                    }
                }
                else if (trace && reply.Type == ActivityTypes.Trace && reply.Value is { } value)
                {
                    var decision = ActivityJson.Decision(value)!;
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"     [{decision.Action}: intent {decision.Intent ?? "-"} {decision.IntentConfidence:0.00}, faq {decision.FaqId ?? "-"} {decision.FaqConfidence:0.00}{(decision.Entities.Count > 0 ? ", " + string.Join(' ', decision.Entities) : "")}{Drafting(decision)}]")).ConfigureAwait(false);
                }
            }
        }

        private static string Drafting(TurnDecision decision) => decision.Drafter switch
        {
            null => "",
            _ when decision.DraftFallback is { } reason => $", drafted {decision.Drafter} ({reason})",
            _ => $", drafted {decision.Drafter}",
        };
    }
}
