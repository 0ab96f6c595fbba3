using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Conversation;
using SupportBot.Feedback;
using SupportBot.Insights.Gaps;
using SupportBot.Insights.Kpis;
using SupportBot.Knowledge;
using SupportBot.Privacy;
using SupportBot.Replies;
using SupportBot.Schema;
using SupportBot.Storage;
using SupportBot.Tests.Storage;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Feedback;

/// <summary>
/// Votes as the turn store keeps them, on SQLite and PostgreSQL: written with the feedback event's turn once the
/// stored answer offers the clicked action, one per answer with the latest winning, read by the KPIs and the gap
/// report, and deleted with the conversation.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class AnswerFeedbackStoreTests : OnBothProviders
{
    private static readonly KpiPeriod Day = new(Start, Start.AddDays(1), KpiBucket.Day);

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task AVote_IsStoredWithItsTurn_TheLatestWins_TheInsightsReadIt_AndErasureTakesIt(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Start.AddMinutes(1));
        var turns = new SqlTurnStore(test.Database, clock);
        var actions = await AnswerAsync(test.Database, turns, clock, "c1", TurnDecision.Answer);

        var up = await VoteAsync(turns, "c1", actions[0], Start.AddMinutes(2));
        Assert.Equal([("c1", 0L, 1L, "up")], await VotesAsync(test.Database));
        var kpisAfterUp = await new KpiCalculator(test.Database).ComputeAsync(Day);
        var down = await VoteAsync(turns, "c1", actions[1], Start.AddMinutes(3));

        Assert.Equal((new AnswerVote(0, 1, "up", Start.AddMinutes(2)), new AnswerVote(0, 1, "down", Start.AddMinutes(3))), (up, down));
        Assert.Equal([("c1", 0L, 1L, "down")], await VotesAsync(test.Database));
        Assert.Equal((1, 0), (kpisAfterUp.Containment.Confirmed, kpisAfterUp.Containment.Disputed));
        var kpis = await new KpiCalculator(test.Database).ComputeAsync(Day);
        Assert.Equal((0, 0, 1), (kpis.Containment.Confirmed, kpis.Containment.Assumed, kpis.Containment.Disputed));
        Assert.Equal([new EntryFeedback("returns-window", 0, 1)], kpis.Feedback.ByFaqEntry);
        var gaps = await new TranscriptGapCandidates(test.Database, Options.Create(new KnowledgeOptions())).ReadAsync(Start, Start.AddDays(1), default);
        Assert.Equal(("how long do I have to return something?", GapReason.ThumbsDown), (Assert.Single(gaps).Text, gaps[0].Reason));

        await new SqlPrivacyStore(test.Database).DeleteAsync(["c1"], new ShopperQuery(ConversationId: "c1"), dryRun: false, default);
        Assert.Empty(await VotesAsync(test.Database));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task AClaim_NoStoredAnswerOffers_CountsNothing(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Start.AddMinutes(1));
        var turns = new SqlTurnStore(test.Database, clock);
        var answered = await AnswerAsync(test.Database, turns, clock, "c1", TurnDecision.Answer);
        await AnswerAsync(test.Database, turns, clock, "c2", TurnDecision.Clarify);
        var notOffered = AnswerFeedback.EntityFor(0).GetProperty("potentialAction")[0];

        // c1's action in c2, where the reply to message 0 was a "Did you mean…?"; a claim past the transcript's end.
        Assert.Null(await VoteAsync(turns, "c2", answered[0], Start.AddMinutes(2)));
        Assert.Null(await VoteAsync(turns, "c2", notOffered, Start.AddMinutes(2)));
        Assert.Null(await VoteAsync(turns, "c1", AnswerFeedback.EntityFor(40).GetProperty("potentialAction")[0], Start.AddMinutes(2)));
        Assert.Empty(await VotesAsync(test.Database));
    }

    /// <summary>Stores a shopper's question and the bot's reply as a turn does (the real renderer); returns the reply's thumbs, if any.</summary>
    private static async Task<JsonElement[]> AnswerAsync(Database database, SqlTurnStore turns, TimeProvider clock, string conversation, string action)
    {
        await new SqlConversationStore(database).CreateAsync(conversation, "u1", Start, default);
        await using var turn = await turns.BeginAsync(conversation, null, default);
        var asked = Activities.Message("how long do I have to return something?", conversation, Activities.Shopper("u1"), turn.NextId) with { Timestamp = Start };
        var decision = new TurnDecision(action, "return_policy", 0.9, "returns-window", 0.9, ["returns-window"], []);
        var replies = new TurnRenderer(clock).Render(asked, new TurnResult(ConversationState.FromJson(null), new BotReply("Within 30 days."), decision, []));
        await turn.CommitAsync([asked, .. replies], null, Start.AddHours(1), null, new TurnFact(Start, Start, "u1", action) { FaqId = "returns-window" }, null, null, default);
        return replies[0].Entities is [var entity] ? [.. entity.GetProperty("potentialAction").EnumerateArray()] : [];
    }

    private static async Task<AnswerVote?> VoteAsync(SqlTurnStore turns, string conversation, JsonElement action, DateTimeOffset at)
    {
        await using var turn = await turns.BeginAsync(conversation, null, default);
        var feedback = new Activity { Type = ActivityTypes.Event, Name = AnswerFeedback.EventName, Entities = [action], From = Activities.Shopper("u1"), Timestamp = at };
        var vote = await FeedbackCheck.VoteAsync(feedback, turn, at, default);
        await turn.CommitAsync([feedback], null, at.AddHours(1), null, null, vote, null, default);
        return vote;
    }

    private static async Task<List<(string, long, long, string)>> VotesAsync(Database database)
    {
        await using var connection = await database.OpenAsync(default);
        await using var command = connection.Command("SELECT conversation_id, seq, answer_seq, vote FROM answer_feedback ORDER BY conversation_id, seq");
        await using var reader = await command.ExecuteReaderAsync();
        var votes = new List<(string, long, long, string)>();
        while (await reader.ReadAsync())
        {
            votes.Add((reader.GetString(0), reader.Whole(1), reader.Whole(2), reader.GetString(3)));
        }

        return votes;
    }
}
