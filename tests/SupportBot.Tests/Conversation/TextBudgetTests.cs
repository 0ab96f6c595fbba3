using SupportBot.Conversation;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Conversation;

[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class TextBudgetTests
{
    [Fact]
    public void Cap_WithinTheBudget_IsUnchanged()
    {
        Assert.Equal(("where is my order", false), TextBudget.Cap("where is my order", 17));
    }

    [Fact]
    public void Cap_Longer_CutsAtTheLastWordBoundaryInsideTheBudget()
    {
        Assert.Equal(("where is", true), TextBudget.Cap("where is my order", 10));
    }

    [Fact]
    public void Cap_BoundaryRightAfterTheBudget_KeepsTheWholeBudget()
    {
        Assert.Equal(("where is my", true), TextBudget.Cap("where is my order", 11));
    }

    [Fact]
    public void Cap_OneWordLongerThanTheBudget_IsCutAtTheBudget()
    {
        Assert.Equal(("abcde", true), TextBudget.Cap("abcdefghij", 5));
    }

    [Fact]
    public void Cap_NeverSplitsASurrogatePair()
    {
        var (text, cut) = TextBudget.Cap("abcd😀😀😀", 5);

        Assert.True(cut);
        Assert.Equal("abcd", text);
    }

    [Fact]
    public void Cap_Zero_TurnsTheLimitOff()
    {
        var longText = new string('x', 100_000);

        Assert.Equal((longText, false), TextBudget.Cap(longText, 0));
    }

    [Fact]
    public void Cap_Null_IsNull()
    {
        Assert.Equal((null, false), TextBudget.Cap(null, 10));
    }
}
