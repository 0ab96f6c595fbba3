using Microsoft.Extensions.DependencyInjection;
using Snapshooter;
using Snapshooter.Xunit;
using SupportBot.Drafting;
using SupportBot.Knowledge;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Drafting;

/// <summary>
/// The local drafts of questions shoppers ask, over the starter knowledge, kept as reviewed snapshots in
/// <c>__snapshots__</c>: a change in retrieval, excerpting or wording shows up as a diff to accept or fix.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class LocalDraftSnapshotTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    public static TheoryData<string, string, string?> Questions => new()
    {
        { "cancel-general", "How do I cancel my order?", null },
        { "cancel-mistake", "I ordered by mistake, please cancel it", "Ana Lima" },
        { "late-lost", "What happens if my parcel is lost in transit?", null },
        { "late-express", "I paid for express and it came late", "Sam" },
        { "track", "where can I track my package", null },
        { "tracking-stuck", "tracking hasn't updated in 4 days", null },
        { "marked-delivered", "it says delivered but I never got it", "Priya" },
        { "damaged", "my order arrived damaged", null },
        { "wrong-item", "I received the wrong item", null },
        { "change-address", "can I change the delivery address", null },
        { "shipping-cost", "how much is shipping", null },
        { "international", "do you ship to Europe", null },
        { "customs", "will I have to pay customs duties", null },
        { "return-window", "how long do I have to return something?", "Ana Lima" },
        { "start-return", "how do I start a return", null },
        { "return-shipping", "do I pay for return shipping", null },
        { "final-sale", "can I return a final sale item", null },
        { "refund-timing", "when will I get my refund", null },
        { "exchange", "can I exchange for a different size", null },
        { "gift-return", "how do I return a gift", null },
        { "defective", "the item broke after a week", null },
        { "payment-methods", "which payment methods do you accept", null },
        { "card-declined", "my card was declined", null },
        { "promo-not-working", "my promo code isn't working", null },
        { "gift-card-balance", "how do I check my gift card balance", null },
        { "installments", "can I pay in installments", null },
        { "price-drop", "the price dropped after I bought it", null },
        { "password-reset", "I forgot my password", "Lee" },
        { "delete-account", "please delete my account", null },
        { "unsubscribe", "stop sending me emails", null },
        { "rewards", "how does the rewards program work", null },
        { "size-guide", "how do I find my clothing size", null },
        { "wool-care", "how do I wash a cashmere sweater", null },
        { "warranty", "is there a warranty on cookware", null },
        { "gift-wrap", "do you offer gift wrapping", null },
        { "preorder", "when will my preorder ship", null },
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task LocalDraft(string name, string question, string? shopper)
    {
        var knowledge = fixture.Services.GetRequiredService<LiveKnowledge>();
        var draft = await fixture.Services.GetRequiredService<ReplyDrafter>().DraftAsync(
            new DraftRequest(question, knowledge.Current.Index.Search(question, 3).Hits, ShopperProfile.FromDisplayName(shopper)));

        Snapshot.Match(new
        {
            question,
            shopper,
            draft.Sources,
            draft.IsExcerpt,
            Lines = draft.Markdown.Split('\n'),
        }, SnapshotNameExtension.Create(name));
    }
}
