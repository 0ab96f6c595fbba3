using SupportBot.Host.Cli;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Cli;

[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class ChatCliTests
{
    [Fact]
    public async Task Chat_ScriptedInput_WelcomesAnswersAndFollowsAPickedSuggestion()
    {
        using var input = new StringReader("delivery\n1\nquit\n");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await SupportBotCli.RunAsync(["chat", "--trace", "--Storage:DataPath", RunningServer.DataPath], input, output, error, CancellationToken.None);

        var text = output.ToString();
        Assert.Equal(0, exit);
        Assert.StartsWith("bot> Hi! I'm Pip, the virtual assistant", text, StringComparison.Ordinal);
        Assert.Contains("     1) How much does shipping cost?", text, StringComparison.Ordinal);
        Assert.Contains("you> How much does shipping cost?", text, StringComparison.Ordinal);
        Assert.Contains("[answer: intent", text, StringComparison.Ordinal);
        Assert.Contains("faq shipping-cost", text, StringComparison.Ordinal);
    }
}
