using System.Globalization;
using System.Text.RegularExpressions;
using SupportBot.Evaluation.Conversations;
using SupportBot.Feedback;
using SupportBot.Handoff;
using SupportBot.Privacy;
using SupportBot.Replies;
using SupportBot.Schema;
using SupportBot.Storage;

namespace SupportBot.DemoStore.Conversations;

/// <summary>
/// Makes up recorded conversations from the scripted suites in eval/conversations, with noise: typos, questions the
/// shop's FAQ does not cover, people asked for, thanks, ratings, the hours of a shop's day, over the days before now.
/// Every conversation says it is made up: its id starts <c>seed-</c>, its shopper's with <c>seed-shopper-</c>, and its
/// activities come over the channel <c>seed</c>. Shopper texts are redacted as the retention purge would. The same
/// seed number gives the same conversations (the times move with now). A minority of shoppers click a thumbs under an
/// answer, mostly up, down more often where the conversation went wrong (a question the FAQ does not cover, a handoff,
/// a weak match), so the feedback figures and the thumbs-down gap candidates have something to show.
/// </summary>
internal sealed partial class ConversationSeeder(IReadOnlyList<ScriptedConversation> scripts, int seed = 20)
{
    public const string Channel = "seed";

    private static readonly PersonalDataRedactor Redactor = new([], [], RetentionPurge.Marker, orderNumbers: true);

    /// <summary>Questions the shop's help centre has no entry for: the content-gap report's raw material.</summary>
    // Questions the help centre does not cover, several asked more than one way, so the demo's content-gap report
    // (docs/CONTENT-GAPS.md) has topics to group as well as one-off questions.
    private static readonly string[] Unanswerable =
    [
        "is there a loyalty program or points?", "do you have a rewards card?", "can I earn points when I buy something?",
        "can you engrave a cutting board?", "do you do personalised engraving on gifts?", "could you put a name on a mug as a gift?",
        "do you offer student discounts?", "is there a discount for students or teachers?",
        "do you sell garden furniture?", "do you have outdoor patio chairs?",
        "can I book a personal stylist appointment?", "can I rent a wedding dress?", "are your candles soy or paraffin?",
        "is the wool mulesing free?", "do you price adjust after a sale starts?",
    ];

    private static readonly string[] Thanks = ["thanks, that helped!", "great, thank you", "perfect thanks", "ok thanks!"];

    private static readonly string[] AskPerson = ["can I talk to a real person", "agent please", "I want to speak to someone"];

    /// <summary>Of the answers that carry thumbs, the share a shopper clicks (at most one a conversation).</summary>
    private const double VoteShare = 0.2;

    private readonly Random _random = new(seed);

    // Thumbs draw from their own sequence, so adding them left every conversation as the same seed made it before.
    private readonly Random _thumbs = new(seed + 1);
    private readonly IReadOnlyList<ScriptedConversation> _scripts = [.. scripts.Where(s => s.Turns.Any(t => !t.IsStart))];

    /// <summary><paramref name="count"/> conversations started over the <paramref name="days"/> days before <paramref name="now"/>.</summary>
    public IEnumerable<SeededConversation> Generate(int count, int days, DateTimeOffset now)
    {
        if (_scripts.Count == 0)
        {
            yield break;
        }

        for (var i = 0; i < count; i++)
        {
            var started = StartTime(now, days);

            // About one shopper in ten comes back (a repeat contact when it is within a week).
            var shopper = "seed-shopper-" + (i > 0 && _random.NextDouble() < 0.1 ? _random.Next(i) : i).ToString("x6", CultureInfo.InvariantCulture);
            yield return Conversation("seed-" + i.ToString("x6", CultureInfo.InvariantCulture), shopper, started, _scripts[_random.Next(_scripts.Count)]);
        }
    }

    /// <summary>A time in the days before now, more of them in the shop's afternoon and evening than at night.</summary>
    private DateTimeOffset StartTime(DateTimeOffset now, int days)
    {
        var day = now.UtcDateTime.Date.AddDays(-_random.Next(days));
        var hour = _random.NextDouble() < 0.8 ? 9 + (_random.NextDouble() * 13) : _random.NextDouble() * 24;
        var at = new DateTimeOffset(day, TimeSpan.Zero).AddHours(hour);
        return at < now ? at : now.AddHours(-hour / 4);
    }

    private SeededConversation Conversation(string id, string shopper, DateTimeOffset started, ScriptedConversation script)
    {
        var turns = new List<(string Text, ScriptedTurn? Expected)>();
        turns.AddRange(script.Turns.Where(t => !t.IsStart).Select(t => (t.UserText, (ScriptedTurn?)t)));
        if (_random.NextDouble() < 0.15)
        {
            turns.Insert(_random.Next(turns.Count + 1), (Unanswerable[_random.Next(Unanswerable.Length)], null));
        }

        var handedOff = turns.Any(t => Handoff(t.Expected) is not null);
        if (!handedOff && _random.NextDouble() < 0.07)
        {
            turns.Add((AskPerson[_random.Next(AskPerson.Length)], new ScriptedTurn(0, "") { Action = TurnDecision.Transfer, Intent = "talk_to_human", Handoff = HandoffReasons.Requested }));
        }
        else if (!handedOff && _random.NextDouble() < 0.3)
        {
            turns.Add((Thanks[_random.Next(Thanks.Length)], new ScriptedTurn(0, "") { Action = TurnDecision.SmallTalk, Intent = "thanks" }));
        }

        var writer = new Transcript(id, shopper);
        var wentWrong = turns.Any(t => t.Expected is null || Handoff(t.Expected) is not null);
        var at = started;
        string? flow = null;
        HandoffTicket? ticket = null;
        AnswerVote? vote = null;
        foreach (var (text, expected) in turns)
        {
            var received = at;
            var replied = received.AddSeconds(0.3 + (_random.NextDouble() * 2));
            var fact = Fact(expected, received, replied, shopper, ref flow);
            var (sequence, thumbs) = writer.Say(Typo(Redactor.Redact(text)), received, Reply(expected), replied, fact);
            writer.Facts.Add((sequence, fact));
            if (thumbs && vote is null && _thumbs.NextDouble() < VoteShare)
            {
                vote = writer.Vote(sequence, Thumb(wentWrong || (fact.FaqId is not null && fact.FaqConfidence < 0.7)), replied.AddSeconds(2 + (_thumbs.NextDouble() * 4)));
            }

            if (fact.HandoffReason is { } reason)
            {
                ticket = fact.HandoffState == HandoffStates.Offline ? null : Ticket(id, shopper, reason, replied);
                break;
            }

            at = replied.AddSeconds(8 + (_random.NextDouble() * 80));
        }

        return new SeededConversation(id, shopper, started, writer.Activities, writer.Facts, ticket, vote);
    }

    /// <summary>Mostly up; down for about half the answers of a conversation that went wrong, and now and then elsewhere.</summary>
    private string Thumb(bool weak) => _thumbs.NextDouble() < (weak ? 0.55 : 0.08) ? AnswerFeedback.Down : AnswerFeedback.Up;

    private TurnFact Fact(ScriptedTurn? expected, DateTimeOffset received, DateTimeOffset replied, string shopper, ref string? flow)
    {
        if (expected is null)
        {
            // A question the help centre does not cover: not understood, or a "did you mean" that misses.
            var clarified = _random.NextDouble() < 0.3;
            return new TurnFact(received, replied, shopper, clarified ? TurnDecision.Clarify : TurnDecision.NotUnderstood)
            {
                IntentConfidence = 0.2 + (_random.NextDouble() * 0.3),
                FaqConfidence = 0.1 + (_random.NextDouble() * 0.3),
                DidYouMean = clarified,
                LowConfidence = true,
                Flow = flow,
            };
        }

        var action = expected.Action ?? (expected.Faq is not null ? TurnDecision.Answer : TurnDecision.SmallTalk);
        var before = flow;
        flow = expected.Flow is { } stated ? (stated == "none" ? null : stated) : action == TurnDecision.OrderFlow ? flow : null;
        var reason = Handoff(expected);
        var offline = reason is not null && _random.NextDouble() < 0.2;
        return new TurnFact(received, replied, shopper, reason is null ? action : TurnDecision.Transfer)
        {
            // The scripts share a few demo orders; each made-up conversation gets its own, or every one would be a repeat contact.
            OrderNumber = OrderNumberPattern().IsMatch(expected.UserText) ? "LP9" + shopper[^6..] : null,
            Intent = expected.Intent,
            IntentConfidence = 0.6 + (_random.NextDouble() * 0.4),
            FaqId = expected.Faq,
            FaqConfidence = expected.Faq is null ? 0 : 0.5 + (_random.NextDouble() * 0.5),
            DidYouMean = action == TurnDecision.Clarify,
            Flow = flow,
            Step = flow is null ? null : expected.Step,
            FlowStarted = flow is not null && flow != before ? flow : null,
            FlowEnded = before is not null && flow != before ? before : null,
            FlowOutcome = before is null || flow == before ? null
                : reason is not null ? FlowEnds.HandedOff
                : action == TurnDecision.OrderFlow && flow is null ? FlowEnds.Completed
                : FlowEnds.Left,
            HandoffReason = reason,
            HandoffState = reason is null ? null : offline ? HandoffStates.Offline : HandoffStates.Queued,
        };
    }

    private static string? Handoff(ScriptedTurn? turn) => turn?.Handoff switch
    {
        null or "none" => null,
        "any" => HandoffReasons.Requested,
        { } reason => reason,
    };

    /// <summary>A queued handoff as it ended: most claimed within minutes and resolved, some left by the shopper, many rated.</summary>
    private HandoffTicket Ticket(string conversation, string shopper, string reason, DateTimeOffset at)
    {
        var claimed = _random.NextDouble() < 0.9;
        var waited = TimeSpan.FromSeconds(Math.Exp(3 + (_random.NextDouble() * 3.5)));
        var handled = TimeSpan.FromMinutes(2 + (_random.NextDouble() * 18));
        var rating = claimed && _random.NextDouble() < 0.6 ? Stars() : (int?)null;
        return new HandoffTicket
        {
            Id = "seed-h-" + conversation[5..],
            ConversationId = conversation,
            ChannelId = Channel,
            ShopperId = shopper,
            Reason = reason,
            Summary = "Seeded conversation (made up for the demo).",
            Status = claimed ? HandoffStatus.Resolved : HandoffStatus.Cancelled,
            AgentId = claimed ? "sam" : null,
            AgentName = claimed ? "Sam" : null,
            CreatedAt = at,
            ClaimedAt = claimed ? at + waited : null,
            ClosedAt = claimed ? at + waited + handled : at + waited,
            Rating = rating,
        };
    }

    private int Stars() => _random.NextDouble() switch
    {
        < 0.45 => 5,
        < 0.70 => 4,
        < 0.82 => 3,
        < 0.90 => 2,
        _ => 1,
    };

    /// <summary>One slip in one message of ten: two neighbouring letters swapped.</summary>
    private string Typo(string text)
    {
        if (text.Length < 6 || _random.NextDouble() >= 0.1)
        {
            return text;
        }

        var at = _random.Next(1, text.Length - 2);
        return char.IsLetter(text[at]) && char.IsLetter(text[at + 1]) ? string.Concat(text.AsSpan(0, at), text[at + 1].ToString(), text[at].ToString(), text.AsSpan(at + 2)) : text;
    }

    private static string Reply(ScriptedTurn? expected) => expected?.BotTexts.FirstOrDefault(t => t is not null) ?? (expected is null
        ? "Sorry, I'm not sure I understood. Here is what I can help with."
        : "(seeded reply)");

    [GeneratedRegex(@"\bLP\d{8}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OrderNumberPattern();

    private sealed class Transcript(string conversation, string shopper)
    {
        private static readonly ChannelAccount Bot = new("bot", "SupportBot", "bot");

        public List<Activity> Activities { get; } = [];

        public List<(long Sequence, TurnFact Fact)> Facts { get; } = [];

        /// <summary>
        /// The shopper's message, the bot's reply and the trace of its decision, as a live turn stores them (an answer
        /// with its thumbs); returns the message's sequence and whether the reply carries thumbs.
        /// </summary>
        public (long Sequence, bool Thumbs) Say(string text, DateTimeOffset at, string reply, DateTimeOffset repliedAt, TurnFact fact)
        {
            var sequence = Activities.Count;
            var said = new Activity
            {
                Type = ActivityTypes.Message, Text = text, Timestamp = at, ChannelId = Channel,
                From = new ChannelAccount(shopper, null, "user"), Conversation = new ConversationAccount(conversation),
            };
            Activities.Add(said);
            var decision = DecisionOf(fact);
            var thumbs = AnswerFeedback.Invites(decision);
            var answer = new Activity
            {
                Type = ActivityTypes.Message, Text = reply, Timestamp = repliedAt, ChannelId = Channel, From = Bot,
                Conversation = new ConversationAccount(conversation), ReplyToId = SqlConversationStore.IdOf(conversation, sequence),
                Entities = thumbs ? [AnswerFeedback.EntityFor(sequence)] : null,
            };
            Activities.Add(answer);
            Activities.Add(ActivityRenderer.Trace(answer, decision));
            return (sequence, thumbs);
        }

        /// <summary>The shopper's click on the answer to the message at <paramref name="asked"/>: the feedback event Web Chat sends, and the vote stored with it.</summary>
        public AnswerVote Vote(long asked, string vote, DateTimeOffset at)
        {
            var action = AnswerFeedback.EntityFor(asked).GetProperty("potentialAction")[vote == AnswerFeedback.Up ? 0 : 1];
            Activities.Add(new Activity
            {
                Type = ActivityTypes.Event, Name = AnswerFeedback.EventName, Entities = [action], Timestamp = at, ChannelId = Channel,
                From = new ChannelAccount(shopper, null, "user"), Conversation = new ConversationAccount(conversation),
            });
            return new AnswerVote(asked, asked + 1, vote, at);
        }

        private static TurnDecision DecisionOf(TurnFact fact) =>
            new(fact.Action, fact.Intent, fact.IntentConfidence, fact.FaqId, fact.FaqConfidence, fact.FaqId is null ? [] : [fact.FaqId], [])
            {
                LowConfidence = fact.LowConfidence,
                Flow = fact.Flow,
                Step = fact.Step,
                Handoff = fact.HandoffReason,
                HandoffState = fact.HandoffState,
            };
    }
}
