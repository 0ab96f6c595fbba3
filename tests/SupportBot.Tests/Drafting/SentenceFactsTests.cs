using SupportBot.Knowledge.Sentences;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Drafting;

/// <summary>What makes a sentence one an excerpt or a draft may not drop or bend: numbers, negations, conditions.</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class SentenceFactsTests
{
    [Theory]
    [InlineData("Returns are accepted within **30 days** of delivery.", new[] { "30" }, false, true)]
    [InlineData("Shipping is free on orders over $75.00.", new[] { "75" }, false, false)]
    [InlineData("Save 15% on your first order of $1,000 or more.", new[] { "15", "1000" }, false, true)]
    [InlineData("We **don't sell your personal information**.", new string[0], true, false)]
    [InlineData("Card details are never stored in full.", new string[0], true, false)]
    [InlineData("Refunds take 5–7 business days.", new[] { "5", "7" }, false, false)]
    [InlineData("You have two weeks, unless it's a Final Sale item.", new[] { "2" }, false, true)]
    [InlineData("You can't return it after two weeks.", new[] { "2" }, true, true)]
    [InlineData("Your order LP20481736 is on its way.", new string[0], false, false)]
    [InlineData("Carriers occasionally run behind in bad weather.", new string[0], false, false)]
    public void Facts_AreFound(string sentence, string[] numbers, bool negated, bool conditional)
    {
        var facts = SentenceFacts.Of(sentence.Replace("**", "", StringComparison.Ordinal));

        Assert.Equal(numbers.Order(), facts.Numbers.Order());
        Assert.Equal((negated, conditional), (facts.Negated, facts.Conditional));
        Assert.Equal(numbers.Length > 0 || negated || conditional, facts.MustKeep);
    }

    [Fact]
    public void Paragraph_IsCutIntoWholeSentences_AsWritten()
    {
        var sentences = Sentence.SplitParagraph("Yes. If it drops within **14 days**, we refund it. Paid for Express? Let us know.");

        Assert.Equal(["Yes.", "If it drops within **14 days**, we refund it.", "Paid for Express?", "Let us know."], sentences);
    }

    [Theory]
    [InlineData("Refunds take 5–7 business days.", "Your refund takes 5 to 7 business days.", "Kept")]
    [InlineData("Refunds take 5–7 business days.", "Your refund takes 3 to 5 business days.", "LostNumber")]
    [InlineData("Refunds take 5–7 business days.", "Refunds follow in about a week.", "NotUsed")]
    [InlineData("We don't sell your personal information.", "We sell your personal information to partners.", "LostNegation")]
    [InlineData("We don't sell your personal information.", "Your personal information is never sold.", "Kept")]
    public void Reply_KeepsOrLosesTheFactsOfTheSentenceItRepeats(string source, string reply, string expected) =>
        Assert.Equal(expected, FactKeeping.Judge(Sentence.Of(source), Sentence.SplitText(reply)).ToString());
}
