using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.DemoStore.Conversations;
using SupportBot.Feedback;
using SupportBot.Insights.Gaps;
using SupportBot.Insights.Kpis;
using SupportBot.Knowledge;
using SupportBot.Schema;
using SupportBot.Storage;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Insights;

/// <summary>
/// The made-up conversations of the demo: drawn from the scripted suites, redacted, marked as made up, spread over the
/// days asked for, and enough of every kind for each KPI; and on the demo's first start the Insights KPIs fill without
/// anyone doing anything.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class SeededConversationsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ASeededMonth_FillsEveryKpi_AndSaysItIsMadeUp()
    {
        using var folder = TempFolder.Create();
        using var database = new SqliteDatabase(folder.Path);
        await database.MigrateAsync(default);
        var scripts = SeededConversations.LoadScripts(RepoPaths.Root);

        var written = await SeededConversations.WriteAsync(database, scripts, 600, 30, Now, null, default);
        var kpis = await new KpiCalculator(database).ComputeAsync(new KpiPeriod(Now.AddDays(-30), Now, KpiBucket.Day));

        Assert.Equal((600, 600), (written, kpis.Conversations));
        // The period starts at noon 30 days ago; the seeded days are the 30 whole days up to today.
        Assert.All(kpis.Series.Skip(1), day => Assert.InRange(day.Conversations, 1, 600));
        Assert.InRange(kpis.Handoffs.Rate!.Value, 0.05, 0.5);
        Assert.InRange(kpis.Containment.Confirmed, 1, kpis.Containment.Contained - 1);
        Assert.InRange(kpis.Csat.Ratings, 1, 600);
        Assert.InRange(kpis.Repeats.RepeatContacts, 1, 300);
        Assert.Contains(kpis.Handoffs.ByReason, r => r.Reason == HandoffReasonGroups.OutsideHours && r.Handoffs > 0);
        Assert.Contains(kpis.Flows, f => f.Started > 0 && f.Completed > 0);
        Assert.Contains(kpis.ByFaqEntry, r => r.Answered < r.Messages);
        // A minority of answers voted on, mostly up; the downs dispute some contained conversations and are gap candidates.
        Assert.InRange(kpis.Feedback.Up + kpis.Feedback.Down, 20, 300);
        Assert.InRange(kpis.Feedback.UpShare!.Value, 0.6, 0.95);
        Assert.InRange(kpis.Containment.Disputed, 1, kpis.Feedback.Down);
        Assert.NotEmpty(kpis.Feedback.ByFaqEntry);
        var gaps = await new TranscriptGapCandidates(database, Options.Create(new KnowledgeOptions())).ReadAsync(Now.AddDays(-30), Now, default);
        Assert.Contains(gaps, g => g.Reason == GapReason.ThumbsDown);

        var store = new SqlConversationStore(database);
        var transcript = await store.ReadAfterAsync("seed-000000", -1, default);
        Assert.NotEmpty(transcript);
        Assert.All(transcript, a => Assert.Equal(ConversationSeeder.Channel, a.Activity.ChannelId));
    }

    [Fact]
    public void EachVote_IsAClickOnThumbsItsAnswerCarries_AsWebChatSendsIt()
    {
        var conversations = new ConversationSeeder(SeededConversations.LoadScripts(RepoPaths.Root)).Generate(600, 30, Now).ToList();

        var voted = conversations.Where(c => c.Vote is not null).ToList();
        Assert.InRange(voted.Count, 20, 300);
        Assert.All(voted, c =>
        {
            var vote = c.Vote!;
            var click = Assert.Single(c.Activities, AnswerFeedback.IsFeedback);
            var claim = AnswerFeedback.Read(click);
            Assert.Equal((vote.MessageSequence, vote.Vote), (claim?.MessageSequence, claim?.Vote));
            Assert.True(AnswerFeedback.Offers(c.Activities[(int)vote.AnswerSequence], claim!), "the voted answer carries the clicked thumbs");
            Assert.Equal(c.Activities[(int)vote.MessageSequence].Id ?? SqlConversationStore.IdOf(c.Id, vote.MessageSequence), c.Activities[(int)vote.AnswerSequence].ReplyToId);
            Assert.True(vote.VotedAt > c.Activities[(int)vote.AnswerSequence].Timestamp, "the click comes after the answer");
        });
    }

    [Fact]
    public void TheShoppersTexts_AreRedacted()
    {
        var scripts = SeededConversations.LoadScripts(RepoPaths.Root);

        var texts = new ConversationSeeder(scripts).Generate(2000, 30, Now).SelectMany(c => c.Activities)
            .Where(a => a.Type == ActivityTypes.Message && a.From?.Role == "user").Select(a => a.Text!).ToList();

        Assert.Contains(scripts.SelectMany(s => s.Turns), t => t.UserText.Contains('@', StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains('@', StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => System.Text.RegularExpressions.Regex.IsMatch(t, @"\bLP\d{8}\b"));
    }

    [Fact]
    public async Task TheDemosFirstStart_ShowsFilledKpis()
    {
        using var data = TempFolder.Create();
        await using var server = await RunningServer.StartDevelopmentAsync("--Storage:DataPath", data.Path, "--Handoff:Agents:1:Id", "lee", "--Handoff:Agents:1:Name", "Lee",
            "--Handoff:Agents:1:ApiKey", "lee-key");
        using var agent = new HttpClient { BaseAddress = server.Address, DefaultRequestHeaders = { { "X-Api-Key", "lee-key" } } };

        // Every stored conversation, whatever the server's clock says today.
        var kpis = await Eventually.ReadAsync(
            () => agent.GetFromJsonAsync<JsonElement>("/agent/api/insights/kpis?since=2000-01-01"),
            k => k.GetProperty("conversations").GetInt32() == 1200);

        Assert.Equal(1200, kpis.GetProperty("conversations").GetInt32());
        Assert.True(kpis.GetProperty("handoffs").GetProperty("handed_off").GetInt32() > 0);
    }
}
