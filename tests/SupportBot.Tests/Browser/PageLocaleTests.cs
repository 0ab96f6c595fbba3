using Microsoft.Playwright;
using SupportBot.Tests.StorePage;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Browser;

/// <summary>
/// The store page in French and Spanish in headless Chromium with Microsoft's real Web Chat: the page's own words from
/// the page catalogue, Web Chat's own controls in the page's locale, the welcome in the locale the conversation started
/// with (a fixture French catalogue), the language switcher, and nothing the Content-Security-Policy has to block.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Browser)]
public sealed class PageLocaleTests(FrenchWelcomeServer fixture) : IClassFixture<FrenchWelcomeServer>
{
    private static readonly LocatorWaitForOptions Wait = new() { Timeout = 20_000 };

    [Fact]
    public async Task FrenchLink_ShowsTheFrenchPage_WebChatInFrench_AndTheFrenchWelcome()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        var csp = HeadlessChromium.CspViolations(page);
        var sent = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.Contains("/v3/directline/conversations", StringComparison.Ordinal) && request.PostData is { } body)
            {
                lock (sent)
                {
                    sent.Add(body);
                }
            }
        };

        await page.GotoAsync(new Uri(fixture.Server.Address, "/?locale=fr-FR&transport=polling").ToString());
        var transcript = page.Locator("#webchat");
        await transcript.GetByText(FrenchWelcomeServer.FrenchWelcome).First.WaitForAsync(Wait);

        Assert.Equal("fr-FR", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Aide · Larkspur & Pine", await page.TitleAsync());
        Assert.Equal("Comment pouvons-nous vous aider ?", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("Assistant virtuel · robot", await page.Locator(".badge").InnerTextAsync());
        Assert.Equal("Vous discutez avec un assistant virtuel. Vous pouvez demander à parler à une personne à tout moment.", await page.Locator("#status").InnerTextAsync());
        Assert.True(await transcript.GetByText("Pip · assistant virtuel").CountAsync() > 0);

        // Web Chat's own words come from Web Chat, in the locale the page gave it; what the shopper sends carries that locale.
        var input = page.GetByPlaceholder("Tapez votre message");
        await input.FillAsync("bonjour");
        await input.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#webchat .webchat__stacked-layout--from-user').length > 0", null, new() { Timeout = 20_000 });
        await Eventually.ReadAsync(() => Task.FromResult(Snapshot(sent)), all => all.Any(b => b.Contains("\"bonjour\"", StringComparison.Ordinal)));
        Assert.Contains(Snapshot(sent), b => b.Contains("\"locale\":\"fr-FR\"", StringComparison.Ordinal) && !b.Contains("\"bonjour\"", StringComparison.Ordinal));
        Assert.Contains(Snapshot(sent), b => b.Contains("\"bonjour\"", StringComparison.Ordinal) && b.Contains("\"locale\":\"fr-FR\"", StringComparison.Ordinal));
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).CountAsync() > 0);

        await HeadlessChromium.ScreenshotAsync(page, "page-locale-fr");
        Assert.Empty(errors);
        Assert.True(csp.Count == 0, string.Join("\n", csp));
    }

    [Fact]
    public async Task SpanishBrowser_GetsTheSpanishPage_AndTheSwitcherLeadsToEnglish()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { Locale = "es-ES" });
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        var csp = HeadlessChromium.CspViolations(page);

        await page.GotoAsync(new Uri(fixture.Server.Address, "/?transport=polling").ToString());
        await page.Locator("#webchat").GetByText("Pip · asistente virtual").First.WaitForAsync(Wait);

        Assert.Equal("es-ES", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("¿En qué te podemos ayudar?", await page.Locator("h1").InnerTextAsync());
        await page.GetByPlaceholder("Escriba su mensaje").WaitForAsync(Wait);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Idioma" }).GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await page.Locator("#webchat").GetByText("Pip · virtual assistant").First.WaitForAsync(Wait);

        Assert.EndsWith("/?transport=polling&locale=en-US", page.Url, StringComparison.Ordinal);
        Assert.Equal("How can we help?", await page.Locator("h1").InnerTextAsync());
        await page.GetByPlaceholder("Type your message").WaitForAsync(Wait);
        Assert.Empty(errors);
        Assert.True(csp.Count == 0, string.Join("\n", csp));
    }

    private static List<string> Snapshot(List<string> sent)
    {
        lock (sent)
        {
            return [.. sent];
        }
    }
}
