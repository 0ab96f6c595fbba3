using Microsoft.Playwright;

namespace SupportBot.Tests.Browser;

/// <summary>Debian's Chromium, headless, as the design's browser tests run it; and where their screenshots go.</summary>
internal static class HeadlessChromium
{
    private const string ChromiumPath = "/usr/bin/chromium";

    public static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        Assert.True(File.Exists(ChromiumPath), "Chromium is missing: ./test.sh installs it (apt-get install chromium).");
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    /// <summary>
    /// Collects what Chromium reports about the page's Content-Security-Policy: every blocked script, style, frame or
    /// connection is a console message naming the policy, and a page that needs one to work is broken for shoppers.
    /// </summary>
    public static List<string> CspViolations(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (violations)
                {
                    violations.Add(message.Text);
                }
            }
        };
        return violations;
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
    }
}
