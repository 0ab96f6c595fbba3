using SupportBot.Drafting;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Drafting;

/// <summary>The rules a model's draft must keep before a shopper sees it.</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class ModelDraftCheckTests
{
    private static readonly KnowledgePassage[] Given =
    [
        new("start-a-return", "How do I start a return?", "Go to [our portal](https://www.larkspurandpine.com/returns) or email help@larkspurandpine.com.", null, 0.9),
        new("refund-timing", "When will I get my refund?", "Refunds take 5–7 business days.", "https://help.example.com/refunds", 0.6),
    ];

    private static readonly KnowledgePassage[] Privacy =
    [
        new("data-sharing", "Do you sell my data?", "We **don't sell your personal information**. We share only what's needed with carriers.\n\nCard details are never stored in full on our systems.", null, 0.9),
        new("refund-timing", "When will I get my refund?", "Refunds take 5–7 business days.", null, 0.6),
    ];

    [Theory]
    [InlineData("We never sell your personal information [source:data-sharing].", null)]
    [InlineData("Your personal information is not sold; card details are never stored in full [source:data-sharing].", null)]
    [InlineData("We sell your personal information only to carriers [source:data-sharing].", DraftRejection.LostNegation)]
    [InlineData("We don't sell your data. Card details are stored in full on our systems [source:data-sharing].", DraftRejection.LostNegation)]
    [InlineData("Refunds take 3–5 business days [source:refund-timing].", DraftRejection.LostNumber)]
    [InlineData("Refunds take 5–7 or 10 business days [source:refund-timing].", DraftRejection.LostNumber)]
    [InlineData("Refunds take 5 to 7 business days [source:refund-timing].", null)]
    [InlineData("Hi Ana! Your order 10000002 is on its way. We don't sell your personal information [source:data-sharing].", null)]
    public void Draft_KeepsTheNumbersAndNegationsOfTheSentencesItRepeats(string draft, string? rejection) =>
        Assert.Equal(rejection, ModelDraftCheck.Check(draft, Privacy).Rejection);

    [Fact]
    public void CitedDraft_IsAccepted_WithoutItsCitationMarks()
    {
        var verdict = ModelDraftCheck.Check("Start at [our portal](https://www.larkspurandpine.com/returns) [source:start-a-return]. Refunds follow in about a week [source: refund-timing].", Given);

        Assert.True(verdict.Accepted);
        Assert.Equal("Start at [our portal](https://www.larkspurandpine.com/returns). Refunds follow in about a week.", verdict.Markdown);
        Assert.Equal(["start-a-return", "refund-timing"], verdict.Cited.Select(c => c.Id));
    }

    [Theory]
    [InlineData("Write to help@larkspurandpine.com [source:start-a-return]", null)]
    [InlineData("Details: https://help.example.com/refunds. [source:refund-timing]", null)]
    [InlineData("Write to refunds@larkspur-pine.net [source:start-a-return]", DraftRejection.ForeignLink)]
    [InlineData("See www.larkspur-returns.com [source:start-a-return]", DraftRejection.ForeignLink)]
    [InlineData("Start at //www.larkspurandpine.com/returns [source:start-a-return]", null)]
    [InlineData("Start at [the portal](//collect.example.org/r) [source:start-a-return]", DraftRejection.ForeignLink)]
    [InlineData("Start here //collect.example.org/r?c=Ana [source:start-a-return]", DraftRejection.ForeignLink)]
    [InlineData("Done. ![](https://collect.example.org/p.png?c=Ana) [source:start-a-return]", DraftRejection.ForeignLink)]
    [InlineData("Done. ![x][p] [source:start-a-return]\n\n[p]: <https://collect.example.org/p.png>", DraftRejection.ForeignLink)]
    [InlineData("See [the portal][r] [source:start-a-return]\n\n[r]: //collect.example.org/r", DraftRejection.ForeignLink)]
    [InlineData("See <https://collect.example.org/r> [source:start-a-return]", DraftRejection.ForeignLink)]
    [InlineData("See [portal](javascript:alert(1)) [source:start-a-return]", DraftRejection.ForeignLink)]
    [InlineData("See [portal](/agent/api/queue) [source:start-a-return]", DraftRejection.ForeignLink)]
    [InlineData("See <a href=\"//collect.example.org\">portal</a> [source:start-a-return]", DraftRejection.Html)]
    [InlineData("Done [source:start-a-return]\n\n<img src=x onerror=alert(1)>", DraftRejection.Html)]
    [InlineData("Refunds take 5–7 business days [SOURCE:Refund-Timing]", DraftRejection.UnknownSource)]
    [InlineData("  ", DraftRejection.Empty)]
    [InlineData("**Unsure.**", DraftRejection.Unsure)]
    [InlineData("Refunds take 5–7 business days.", DraftRejection.Uncited)]
    public void Addresses_Citations_AndEmptiness_AreChecked(string draft, string? rejection)
    {
        Assert.Equal(rejection, ModelDraftCheck.Check(draft, Given).Rejection);
    }
}
