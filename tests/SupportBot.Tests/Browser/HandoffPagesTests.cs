using Microsoft.Playwright;
using SupportBot.Tests.Handoff;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Browser;

/// <summary>
/// Two pages in headless Chromium against the real host: a shopper in Microsoft's Web Chat asks for a person; an
/// agent on /agent signs in, claims, replies and resolves; the shopper sees who joined, the reply and the rating
/// question; and the shopper's thumbs on an answer marked in the agent's transcript. Screenshots of both pages are
/// kept with the test output.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Browser)]
public sealed class HandoffPagesTests
{
    [Fact]
    public async Task ShopperAsksForAPerson_AgentClaimsRepliesAndResolves_ShopperIsAskedForARating()
    {
        using var data = TempFolder.Create();
        await using var server = await RunningServer.StartDevelopmentAsync(["--Storage:DataPath", data.Path, .. HandoffFixture.AlwaysOpen]);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var errors = new List<string>();
        var agent = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var shopper = await browser.NewPageAsync();
        agent.PageError += (_, error) => errors.Add("agent: " + error);
        shopper.PageError += (_, error) => errors.Add("shopper: " + error);
        var agentCsp = HeadlessChromium.CspViolations(agent);
        var shopperCsp = HeadlessChromium.CspViolations(shopper);
        var wait = new LocatorWaitForOptions { Timeout = 20_000 };

        // The agent signs in first: an open console is what makes an agent "online".
        await agent.GotoAsync(new Uri(server.Address, "/agent").ToString());
        await agent.GetByLabel("Agent ID").FillAsync("sam");
        await agent.GetByLabel("Password").FillAsync("supportbot-demo");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await agent.GetByText("Signed in as Sam").WaitForAsync(wait);
        await agent.Locator("#connection[data-state=online]").WaitForAsync(wait);
        await agent.GetByText("No one is waiting.").WaitForAsync(wait);

        await shopper.GotoAsync(server.Address.ToString());
        var chat = shopper.Locator("#webchat");
        await chat.GetByText("virtual assistant", new() { Exact = false }).First.WaitForAsync(wait);
        var input = shopper.GetByPlaceholder("Type your message");
        await input.FillAsync("I'd like to talk to a person please");
        await input.PressAsync("Enter");
        await chat.GetByText("connecting you with a member of our support team", new() { Exact = false }).First.WaitForAsync(wait);

        var entry = agent.Locator("#queue li").First;
        await entry.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
        await agent.Locator("#transcript").GetByText("I'd like to talk to a person please").First.WaitForAsync(wait);
        Assert.Contains("Asked for a person", await agent.Locator("#summary").InnerTextAsync(), StringComparison.Ordinal);
        await agent.Locator("#reply").FillAsync("Hi, I'm Sam from the support team. How can I help?");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();

        // Web Chat typesets the bot's Markdown ("You're" becomes "You’re"), so the bot's words are matched without the apostrophe.
        await chat.GetByText("now chatting with Sam from the support team", new() { Exact = false }).First.WaitForAsync(wait);
        await chat.GetByText("Hi, I'm Sam from the support team. How can I help?").First.WaitForAsync(wait);
        await chat.GetByText("Sam · support team").First.WaitForAsync(wait);
        await shopper.Locator(".badge").GetByText("Sam · support team (a person)").WaitForAsync(wait);

        await input.FillAsync("My jumper arrived with a hole in it");
        await input.PressAsync("Enter");
        await agent.Locator("#transcript").GetByText("My jumper arrived with a hole in it").First.WaitForAsync(wait);
        Assert.Equal(0, await chat.GetByText("Now, back to where we were", new() { Exact = false }).CountAsync());
        await HeadlessChromium.ScreenshotAsync(shopper, "handoff-shopper-with-agent");
        await HeadlessChromium.ScreenshotAsync(agent, "handoff-agent-console");

        await agent.GetByRole(AriaRole.Button, new() { Name = "Resolve" }).ClickAsync();
        await chat.GetByText("How would you rate the help you got from our team", new() { Exact = false }).First.WaitForAsync(wait);
        await shopper.Locator(".badge").GetByText("Virtual assistant · bot").WaitForAsync(wait);
        await chat.GetByRole(AriaRole.Button, new() { Name = "5", Exact = true }).First.ClickAsync();
        await chat.GetByText("Thank you for your rating!", new() { Exact = false }).First.WaitForAsync(wait);
        await agent.GetByText("No one is waiting.").WaitForAsync(wait);

        await HeadlessChromium.ScreenshotAsync(shopper, "handoff-shopper-rated");
        await HeadlessChromium.ScreenshotAsync(agent, "handoff-agent-resolved");
        Assert.Empty(errors);
        Assert.True(agentCsp.Count == 0, string.Join("\n", agentCsp));
        Assert.True(shopperCsp.Count == 0, string.Join("\n", shopperCsp));
    }

    [Fact]
    public async Task TheShoppersThumbsOnAnAnswer_AreMarkedInTheAgentsTranscript_AndALaterClickReplacesTheMark()
    {
        using var data = TempFolder.Create();
        await using var server = await RunningServer.StartDevelopmentAsync(["--Storage:DataPath", data.Path, "--Insights:SeedDemoConversations", "false", .. HandoffFixture.AlwaysOpen]);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var errors = new List<string>();
        var agent = await ConsolePage.OpenAsync(browser);
        var shopper = await browser.NewPageAsync();
        agent.PageError += (_, error) => errors.Add("agent: " + error);
        shopper.PageError += (_, error) => errors.Add("shopper: " + error);
        await agent.GotoAsync(new Uri(server.Address, "/agent").ToString());
        await ConsolePage.SignInAsSamAsync(agent);
        await agent.GetByText("No one is waiting.").WaitForAsync(ConsolePage.Patience);

        var token = shopper.WaitForResponseAsync(r => r.Url.EndsWith("/api/webchat/token", StringComparison.Ordinal));
        await shopper.GotoAsync(server.Address.ToString());
        var conversation = (await (await token).JsonAsync())!.Value.GetProperty("conversation_id").GetString()!;
        var chat = shopper.Locator("#webchat");
        await chat.GetByText("virtual assistant", new() { Exact = false }).First.WaitForAsync(ConsolePage.Patience);
        var input = shopper.GetByPlaceholder("Type your message");
        await input.FillAsync("how long do I have to return something?");
        await input.PressAsync("Enter");
        var thumbs = chat.Locator("button.webchat__thumb-button");
        await thumbs.Nth(1).WaitForAsync(ConsolePage.Patience);
        await thumbs.Nth(1).ClickAsync();
        Assert.Equal("down", await AnswerFeedbackPageTests.VoteAsync(server, conversation, "down"));
        await input.FillAsync("I'd like to talk to a person please");
        await input.PressAsync("Enter");

        await agent.Locator("#queue li").First.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
        var answer = agent.Locator("#transcript li.line--bot").Filter(new() { HasText = "30 days" });
        var unhelpful = answer.GetByRole(AriaRole.Img, new() { Name = "Shopper found this not helpful" });
        await unhelpful.WaitForAsync(ConsolePage.Patience);
        Assert.Equal("👎", await unhelpful.InnerTextAsync());
        Assert.Equal(1, await agent.Locator("#transcript .vote").CountAsync());

        // The shopper changes their mind while talking to the agent: the mark follows at the next transcript update.
        await thumbs.Nth(0).ClickAsync();
        Assert.Equal("up", await AnswerFeedbackPageTests.VoteAsync(server, conversation, "up"));
        await input.FillAsync("it was useful after all");
        await input.PressAsync("Enter");
        await agent.Locator("#transcript").GetByText("it was useful after all").WaitForAsync(ConsolePage.Patience);
        var helpful = answer.GetByRole(AriaRole.Img, new() { Name = "Shopper found this helpful" });
        await helpful.WaitForAsync(ConsolePage.Patience);
        Assert.Equal(("👍", 1), (await helpful.InnerTextAsync(), await agent.Locator("#transcript .vote").CountAsync()));

        await answer.ScrollIntoViewIfNeededAsync();
        await HeadlessChromium.ScreenshotAsync(agent, "handoff-agent-sees-thumbs");
        Assert.Empty(errors);
    }
}
