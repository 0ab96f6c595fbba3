using SupportBot.Conversation;
using SupportBot.Schema;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Languages;

/// <summary>
/// An entry the French translation lacks yet (an editor added it in English only): a French shopper who asks about it is
/// told so in French and offered the English answer or a person; pressing the English title answers from it (as written), and
/// the conversation stays French. Never the wrong French entry, never a silent switch to English.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class UntranslatedEntryTests
{
    private static readonly ChannelAccount Shopper = new("camille", "Camille", "user");

    [Fact]
    public async Task AQuestionAboutAnEntryOnlyInEnglish_IsOfferedInEnglishOrToAPerson_InFrench()
    {
        using var knowledge = TempFolder.CopyOfKnowledge();
        File.Delete(Path.Combine(knowledge.Path, "faq", "fr", "payments-promotions", "pay-in-installments.md"));
        await using var host = await EngineHost.StartAsync("--Knowledge:Path", knowledge.Path);
        var conversation = Activities.NewConversationId("untranslated");

        var offered = await host.Engine.HandleAsync(French("est-ce que je peux payer avec Afterpay ?", conversation, "|1"));

        var offer = Assert.Single(offered, r => r.Type == ActivityTypes.Message);
        Assert.Contains("qu'en anglais", offer.Text, StringComparison.Ordinal);
        Assert.Contains("« Can I pay in installments? »", offer.Text, StringComparison.Ordinal);
        var buttons = offer.SuggestedActions!.Actions.Select(a => a.Title).ToList();
        Assert.Equal("Can I pay in installments?", buttons[0]);
        Assert.Equal(2, buttons.Count);
        Assert.Equal(("fr", "pay-in-installments"), (BotReplies.DecisionOf(offered).Language, BotReplies.DecisionOf(offered).FaqId));

        var answered = await host.Engine.HandleAsync(French("Can I pay in installments?", conversation, "|2"));

        var answer = Assert.Single(answered, r => r.Type == ActivityTypes.Message);
        Assert.Contains("4 interest-free payments", answer.Text, StringComparison.Ordinal);
        var decision = BotReplies.DecisionOf(answered);
        Assert.Equal((TurnDecision.Answer, "pay-in-installments", "fr"), (decision.Action, decision.FaqId, decision.Language));
    }

    [Fact]
    public async Task AFullyTranslatedEntry_IsAnsweredInFrench_WithAFrenchSource_WithoutTheOffer()
    {
        await using var host = await EngineHost.StartAsync();

        var replies = await host.Engine.HandleAsync(French("est-ce que je peux payer avec Afterpay ?", Activities.NewConversationId("translated"), "|1"));

        var answer = Assert.Single(replies, r => r.Type == ActivityTypes.Message);
        Assert.DoesNotContain("qu'en anglais", answer.Text, StringComparison.Ordinal);
        Assert.Contains("D'après notre centre d'aide\u202F: *Puis-je payer en plusieurs fois ?*", answer.Text, StringComparison.Ordinal);
        Assert.Equal((TurnDecision.Answer, "pay-in-installments"), (BotReplies.DecisionOf(replies).Action, BotReplies.DecisionOf(replies).FaqId));
    }

    private static Activity French(string text, string conversation, string id) =>
        Activities.Message(text, conversation, Shopper, conversation + id) with { Locale = "fr-FR" };
}
