using Microsoft.Playwright;

namespace SupportBot.Tests.Browser;

/// <summary>The agent console in headless Chromium, as the demo agent (Development's <c>sam</c>) uses it.</summary>
internal static class ConsolePage
{
    public static readonly LocatorWaitForOptions Patience = new() { Timeout = 20_000 };

    /// <summary>A page in a fixed locale, so numbers read the same on every machine ("1,200", "33.3%").</summary>
    public static Task<IPage> OpenAsync(IBrowser browser, int height = 900)
    {
        ArgumentNullException.ThrowIfNull(browser);
        return browser.NewPageAsync(new() { Locale = "en-US", ViewportSize = new() { Width = 1280, Height = height } });
    }

    /// <summary>Fills the sign-in form the console shows a visitor without a session, and waits until it is gone.</summary>
    public static async Task SignInAsSamAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GetByLabel("Agent ID").FillAsync("sam");
        await page.GetByLabel("Password").FillAsync("supportbot-demo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByText("Signed in as Sam").WaitForAsync(Patience);
    }
}
