using SupportBot.Handoff;
using SupportBot.Insights.Gaps;
using SupportBot.Replies;
using SupportBot.Schema;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Insights;

/// <summary>Which stored turns count as unanswered, read from the decision trace after each shopper message.</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class GapCandidateRulesTests
{
    private const double Bar = 0.45;
    private static readonly DateTimeOffset At = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AFallback_ALowConfidenceAnswer_ADeclinedQuestion_AndAHandoffForNoAnswer_AreCandidates_AConfidentAnswerAndAnAskedHandoffAreNot()
    {
        var transcript = new Transcript()
            .Turn("where do I send the invoice for my school", Decision(TurnDecision.NotUnderstood))
            .Turn("how long is the warranty on a kettle", Decision(TurnDecision.Answer, faqConfidence: 0.30))
            .Turn("where is my order", Decision(TurnDecision.Answer, faqConfidence: 0.90))
            .Turn("what's the weather", Decision(TurnDecision.OutOfScope))
            .Turn("still no idea", Decision(TurnDecision.Transfer) with { Handoff = HandoffReasons.RepeatedFallback })
            .Turn("a person please", Decision(TurnDecision.Transfer) with { Handoff = HandoffReasons.Requested });

        var found = GapCandidateRules.Read("c1", transcript.Activities, Bar).ToList();

        Assert.Equal(
            [("where do I send the invoice for my school", GapReason.NotUnderstood), ("how long is the warranty on a kettle", GapReason.LowConfidence),
             ("what's the weather", GapReason.Declined), ("still no idea", GapReason.Handoff)],
            found.Select(c => (c.Text, c.Reason)));
        Assert.All(found, c => Assert.Equal("c1", c.ConversationId));
    }

    [Fact]
    public void ADidYouMean_CountsOnlyWhenTheNextMessagePicksNoneOfItsButtons()
    {
        string[] offers = ["How do I return something?", "Can I exchange for another size?"];
        var picked = new Transcript()
            .Turn("swap it", Decision(TurnDecision.Clarify), offers)
            .Turn("Can I exchange for another size?", Decision(TurnDecision.Answer, faqConfidence: 0.9));
        var ignored = new Transcript()
            .Turn("swap it", Decision(TurnDecision.Clarify), offers)
            .Turn("no, I mean swap the gift box colour", Decision(TurnDecision.Answer, faqConfidence: 0.9));
        var left = new Transcript().Turn("swap it", Decision(TurnDecision.Clarify), offers);

        Assert.Empty(GapCandidateRules.Read("c", picked.Activities, Bar));
        Assert.Equal(GapReason.ClarifyIgnored, Assert.Single(GapCandidateRules.Read("c", ignored.Activities, Bar)).Reason);
        Assert.Equal(GapReason.ClarifyIgnored, Assert.Single(GapCandidateRules.Read("c", left.Activities, Bar)).Reason);
    }

    [Fact]
    public void AConfidentAnswer_TheShopperGaveAThumbsDown_IsACandidate_WhateverItsTrace()
    {
        var transcript = new Transcript()
            .Turn("how long is shipping", Decision(TurnDecision.Answer, faqConfidence: 0.9))
            .Turn("how long do returns take", Decision(TurnDecision.Answer, faqConfidence: 0.9))
            .Turn("where do I send the invoice", Decision(TurnDecision.NotUnderstood));

        var found = GapCandidateRules.Read("c", transcript.Activities, Bar, new HashSet<long> { 3, 6 }).ToList();

        Assert.DoesNotContain(GapCandidateRules.Read("c", transcript.Activities, Bar), c => c.Reason == GapReason.ThumbsDown);
        Assert.Equal([("how long do returns take", GapReason.ThumbsDown), ("where do I send the invoice", GapReason.ThumbsDown)], found.Select(c => (c.Text, c.Reason)));
    }

    [Fact]
    public void PersonalData_IsTakenOut_BeforeTheMessageIsShown()
    {
        var transcript = new Transcript("Ana Lima")
            .Turn("I'm Ana Lima, mail me at ana.lima@example.com or 415-555-0199 about LP-10000002", Decision(TurnDecision.NotUnderstood));

        var text = Assert.Single(GapCandidateRules.Read("c", transcript.Activities, Bar)).Text;

        foreach (var secret in (string[])["Ana", "Lima", "ana.lima@example.com", "415-555-0199", "LP-10000002"])
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }

        Assert.Equal("I'm [name], mail me at [email] or [phone] about [order]", text);
    }

    private static TurnDecision Decision(string action, double faqConfidence = 0.1) => new(action, null, 0.5, null, faqConfidence, [], []);

    /// <summary>A stored transcript as the engine writes it: the shopper's message, the bot's message, the decision trace.</summary>
    private sealed class Transcript(string? name = null)
    {
        public List<Activity> Activities { get; } = [];

        public Transcript Turn(string text, TurnDecision decision, IReadOnlyList<string>? offers = null)
        {
            var id = $"c|{Activities.Count:D7}";
            var shopper = Support.Activities.Message(text, "c", Support.Activities.Shopper("u1", name), id) with { Timestamp = At };
            var envelope = new Activity { Timestamp = At, From = Participants.Bot, Recipient = shopper.From, Conversation = shopper.Conversation, ReplyToId = id };
            Activities.Add(shopper);
            Activities.Add(ActivityRenderer.Message(envelope, new BotReply("…", offers?.Select(o => new ReplyChoice(o)).ToList())));
            Activities.Add(ActivityRenderer.Trace(envelope, decision));
            return this;
        }
    }
}
