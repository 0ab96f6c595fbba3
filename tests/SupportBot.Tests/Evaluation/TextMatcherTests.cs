using SupportBot.Evaluation.Conversations;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Evaluation;

[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class TextMatcherTests
{
    [Theory]
    [InlineData("You're next in the queue.", "You’re next in the queue")]
    [InlineData("You have **30 days** to return it!", "you have 30 days to return it")]
    [InlineData("Hi {any}! Your order {order} ships {date}.", "Hi Ana Lima! Your order LP10000002 ships November 28, 2026.")]
    [InlineData("We'll reply to {email} within {number} days.", "We'll reply to ana.lima@example.com within 2 days.")]
    [InlineData("Refund of {money} is on its way", "Refund of $59.00 is on its way.")]
    [InlineData("{any}", "anything at all")]
    public void Normalized_IgnoresCaseQuotesEmphasisPunctuation_AndFillsPlaceholders(string expected, string actual) =>
        Assert.True(TextMatcher.Matches(expected, actual, TextTolerance.Normalized));

    [Theory]
    [InlineData("You have 30 days.", "You have 60 days.")]
    [InlineData("Your order {order} ships", "Your order 12345 ships")]
    [InlineData("Hello", "Hello there")]
    public void Normalized_StillTellsDifferentTextsApart(string expected, string actual) =>
        Assert.False(TextMatcher.Matches(expected, actual, TextTolerance.Normalized));

    [Fact]
    public void Exact_IsExact_ButKeepsPlaceholders()
    {
        Assert.True(TextMatcher.Matches("Order {order}.", "Order LP10000002.", TextTolerance.Exact));
        Assert.False(TextMatcher.Matches("Order {order}.", "order LP10000002.", TextTolerance.Exact));
        Assert.False(TextMatcher.Matches("You're", "You’re", TextTolerance.Exact));
    }

    [Fact]
    public void Diff_MarksWhatWentMissingAndWhatCameInstead() =>
        Assert.Equal("you have [-60-] {+30+} days to return it", TextMatcher.Diff("You have 60 days to return it.", "You have **30** days to return it."));
}
