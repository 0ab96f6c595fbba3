using Microsoft.Playwright;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Browser;

/// <summary>
/// A shop's own names and colours from the Branding settings, on the store page and the agent console in headless
/// Chromium: in the titles, the masthead, the chat header, the bot's label in Web Chat and the pages' colours; a
/// name with markup in it shows as text.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Browser)]
public sealed class BrandingPagesTests
{
    private const string ShopName = "Fern & Moss <em>Outfitters</em>";
    private const string Accent = "rgb(122, 46, 59)";       // #7a2e3b
    private const string Highlight = "rgb(31, 111, 139)";   // #1f6f8b

    [Fact]
    public async Task ConfiguredNamesAndColours_ShowOnTheStorePageAndTheConsole()
    {
        await using var server = await RunningServer.StartAsync(
            "--Branding:ShopName", ShopName, "--Branding:BotName", "Juniper", "--Branding:AccentColor", "#7a2e3b", "--Branding:HighlightColor", "#1f6f8b");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var errors = new List<string>();
        var shopper = await browser.NewPageAsync();
        var agent = await browser.NewPageAsync();
        shopper.PageError += (_, error) => errors.Add("shopper: " + error);
        agent.PageError += (_, error) => errors.Add("agent: " + error);
        var shopperCsp = HeadlessChromium.CspViolations(shopper);
        var agentCsp = HeadlessChromium.CspViolations(agent);
        var wait = new LocatorWaitForOptions { Timeout = 20_000 };

        await shopper.GotoAsync(server.Address.ToString());
        var chat = shopper.Locator("#webchat");
        await chat.GetByText("Juniper · virtual assistant", new() { Exact = false }).First.WaitForAsync(wait);
        Assert.Equal("Help · " + ShopName, await shopper.TitleAsync());
        Assert.Equal(ShopName, await shopper.Locator(".masthead .brand").InnerTextAsync());
        Assert.Equal(0, await shopper.Locator(".brand em").CountAsync());
        Assert.Equal("Juniper", await shopper.Locator(".chat-title").InnerTextAsync());
        Assert.Equal(Accent, await Style(shopper, ".chat-header", "background-color"));
        Assert.Equal(Accent, await Style(shopper, ".masthead .brand", "color"));
        Assert.Equal(Highlight, await Style(shopper, "nav a[aria-current]", "border-bottom-color"));

        // Web Chat draws its suggested actions in the accent it was given.
        var suggestion = chat.Locator("button.webchat__suggested-action").First;
        await suggestion.WaitForAsync(wait);
        Assert.Equal(Accent, await suggestion.EvaluateAsync<string>("b => getComputedStyle(b).color"));

        await agent.GotoAsync(new Uri(server.Address, "/agent").ToString());
        await agent.GetByRole(AriaRole.Heading, new() { Name = "Agent sign-in" }).WaitForAsync(wait);
        Assert.Equal("Support console · " + ShopName, await agent.TitleAsync());
        Assert.Equal(ShopName, await agent.Locator(".topbar .brand").InnerTextAsync());
        Assert.Equal(Accent, await Style(agent, ".card h1", "color"));
        Assert.Equal(Accent, await Style(agent, ".card button.primary", "background-color"));

        await HeadlessChromium.ScreenshotAsync(shopper, "branding-store-page");
        await HeadlessChromium.ScreenshotAsync(agent, "branding-agent-console");
        Assert.Empty(errors);
        Assert.True(shopperCsp.Count == 0, string.Join("\n", shopperCsp));
        Assert.True(agentCsp.Count == 0, string.Join("\n", agentCsp));
    }

    private static Task<string> Style(IPage page, string selector, string property) =>
        page.Locator(selector).First.EvaluateAsync<string>($"e => getComputedStyle(e).getPropertyValue('{property}')");
}
