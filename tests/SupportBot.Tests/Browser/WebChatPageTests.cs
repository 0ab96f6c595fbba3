using Microsoft.Playwright;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Browser;

/// <summary>
/// Microsoft's real Web Chat, in Debian's Chromium driven by Playwright, against the real host on 127.0.0.1:
/// the page gets a token, starts a conversation, and the shopper's question is answered, over WebSocket and polling.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Browser)]
public sealed class WebChatPageTests
{
    [Theory]
    [InlineData("websocket")]
    [InlineData("polling")]
    public async Task Page_AskAQuestion_ShowsTheAnswerAndSuggestedActionsWork(string transport)
    {
        await using var server = await RunningServer.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        var csp = HeadlessChromium.CspViolations(page);

        await page.GotoAsync(new Uri(server.Address, transport == "polling" ? "/?transport=polling" : "/").ToString());
        var transcript = page.Locator("#webchat");
        await transcript.GetByText("virtual assistant", new() { Exact = false }).First.WaitForAsync(new() { Timeout = 20_000 });

        // With no Branding names set, the page names the shop and the assistant as the knowledge does.
        Assert.Equal("Larkspur & Pine", await page.Locator(".masthead .brand").InnerTextAsync());
        Assert.Equal("Pip", await page.Locator(".chat-title").InnerTextAsync());
        Assert.True(await transcript.GetByText("Pip · virtual assistant").CountAsync() > 0);

        var input = page.GetByPlaceholder("Type your message");
        await input.FillAsync("how long do I have to return something?");
        await input.PressAsync("Enter");
        await transcript.GetByText("From our help centre", new() { Exact = false }).First.WaitForAsync(new() { Timeout = 20_000 });
        Assert.True(await transcript.GetByText("30 days", new() { Exact = false }).CountAsync() > 0);

        // The welcome's suggested actions are gone after the first message; a one-word question brings "Did you mean" buttons.
        await input.FillAsync("delivery");
        await input.PressAsync("Enter");
        var choice = page.GetByRole(AriaRole.Button, new() { Name = "How much does shipping cost?" });
        await choice.First.WaitForAsync(new() { Timeout = 20_000 });
        var answersBefore = await transcript.GetByText("From our help centre", new() { Exact = false }).CountAsync();
        await choice.First.ClickAsync();
        await page.WaitForFunctionAsync(
            $"() => document.querySelectorAll('#webchat').length && document.querySelector('#webchat').innerText.split('From our help centre').length - 1 > {answersBefore}",
            null, new() { Timeout = 20_000 });

        await HeadlessChromium.ScreenshotAsync(page, $"webchat-{transport}");
        Assert.Empty(errors);
        Assert.True(csp.Count == 0, string.Join("\n", csp));
        Assert.Equal(0, await transcript.GetByText("Send failed", new() { Exact = false }).CountAsync());
    }
}
