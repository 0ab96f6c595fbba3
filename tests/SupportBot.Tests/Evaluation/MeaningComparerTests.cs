using SupportBot.Evaluation.Conversations;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Evaluation;

[Trait(TestCategories.Key, TestCategories.Eval)]
public sealed class MeaningComparerTests
{
    private const string Shipped = "Your order {order} has shipped and should arrive on {date}.";
    private const string ReturnWindow = "You can return most items within 30 days of delivery for a full refund.";

    private static readonly MeaningComparer Comparer = new(SharedEmbeddings.Local);

    [Theory]
    [InlineData(ReturnWindow, "You have 30 days from delivery to send most things back and get your money back.")]
    [InlineData(Shipped, "Order LP10000002 is on its way and should be with you by Friday, December 11.")]
    [InlineData("Which item would you like to return?", "What would you like to send back?")]
    public async Task SameMeaning_OtherWords_Passes(string expected, string actual)
    {
        var failure = await Comparer.CompareAsync("text", expected, actual, CancellationToken.None);

        Assert.Null(failure);
    }

    [Theory]
    [InlineData("Which item would you like to return?", "We ship to the United States and Canada only.")]
    [InlineData(Shipped, "I'm connecting you with a person from our support team now.")]
    [InlineData(Shipped, "Your order LP10000002 is being prepared in our warehouse.")]
    public async Task OtherMeaning_Fails_WithTheSimilarity(string expected, string actual)
    {
        var failure = await Comparer.CompareAsync("text", expected, actual, CancellationToken.None);

        Assert.NotNull(failure);
        Assert.Equal("text (meaning)", failure.Check);
        Assert.Matches(@"^similarity 0\.\d\d < 0\.60$", failure.Diff);
    }

    [Fact]
    public async Task AChangedLimit_Fails_ThoughTheWordsAreAlike()
    {
        var failure = await Comparer.CompareAsync("text", ReturnWindow, "You can return most items within 14 days of delivery for a full refund.", CancellationToken.None);

        Assert.Equal("the number 30 is missing", failure?.Diff);
    }

    [Fact]
    public async Task ANegation_Fails_ThoughTheWordsAreAlike()
    {
        var failure = await Comparer.CompareAsync("text", Shipped, "Your order LP10000002 has not shipped yet.", CancellationToken.None);

        Assert.Equal("negated where the expected text is not", failure?.Diff);
    }

    [Fact]
    public async Task TheSameTextUpToCaseAndPunctuation_IsIdentical()
    {
        Assert.Equal(1, await Comparer.SimilarityAsync("Thanks, Ana!", "thanks ana", CancellationToken.None));
    }
}
