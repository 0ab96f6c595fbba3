using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using SupportBot.Storage;
using SupportBot.Tests.Insights;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Browser;

/// <summary>
/// The console's Insights view in headless Chromium against the real host: the demo's seeded month drawn from the
/// API's own figures (headline with disputed and the thumbs, chart data, thumbs by FAQ entry, gap topics), the six hand-computed conversations of
/// <see cref="FixedConversations"/> read off the page, an empty period, an error in the server's words, and nothing
/// for a visitor who is not signed in.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Browser)]
public sealed class InsightsPageTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly PageGetByLabelOptions Exact = new() { Exact = true };

    [Fact]
    public async Task TheDemosSeededMonth_IsDrawnFromTheApisFigures()
    {
        using var data = TempFolder.Create();
        await using var server = await RunningServer.StartDevelopmentAsync("--Storage:DataPath", data.Path);
        using var api = await SignedInClientAsync(server);
        // The month is seeded in the background after the start.
        await Eventually.ReadAsync(() => api.GetFromJsonAsync<JsonElement>("/agent/api/insights/kpis?since=2000-01-01"), k => k.GetProperty("conversations").GetInt32() > 0);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await ConsolePage.OpenAsync(browser, height: 2300);
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        var csp = HeadlessChromium.CspViolations(page);

        await page.GotoAsync(new Uri(server.Address, "/agent#insights").ToString());
        var shown = await page.RunAndWaitForResponseAsync(() => ConsolePage.SignInAsSamAsync(page), r => r.Url.Contains("/insights/kpis", StringComparison.Ordinal));
        await page.Locator("[data-kpi=conversations]").WaitForAsync(ConsolePage.Patience);
        await page.Locator("#gaps > li").First.WaitForAsync(ConsolePage.Patience);

        // The page asked for the last 7 days by day; the API asked the same way answers the same figures.
        var query = new Uri(shown.Url).Query;
        Assert.Contains("bucket=day", query, StringComparison.Ordinal);
        var kpis = await api.GetFromJsonAsync<JsonElement>("/agent/api/insights/kpis" + query);
        Assert.True(kpis.GetProperty("conversations").GetInt32() > 0, "the seeded month has conversations in the last 7 days");
        Assert.Equal(Count(kpis, "conversations"), await KpiValueAsync(page, "conversations"));
        Assert.Equal(Percent(kpis.GetProperty("handoffs").GetProperty("rate").GetDouble()), await KpiValueAsync(page, "handoff-rate"));
        Assert.Equal(Percent(kpis.GetProperty("containment").GetProperty("rate").GetDouble()), await KpiValueAsync(page, "containment"));
        var containment = kpis.GetProperty("containment");
        Assert.Contains($"{Count(containment, "confirmed")} confirmed · {Count(containment, "assumed")} assumed · {Count(containment, "disputed")} disputed",
            await KpiTextAsync(page, "containment"), StringComparison.Ordinal);
        var feedback = kpis.GetProperty("feedback");
        Assert.True(feedback.GetProperty("up").GetInt32() > 0 && feedback.GetProperty("down").GetInt32() > 0, "the seeded shoppers voted on answers, both ways");
        Assert.Equal($"{Percent(feedback.GetProperty("up_share").GetDouble())} {Count(feedback, "up")} up · {Count(feedback, "down")} down", await KpiTextAsync(page, "feedback"));
        Assert.Contains($"from {Count(kpis.GetProperty("csat"), "ratings")} ratings", await KpiTextAsync(page, "csat"), StringComparison.Ordinal);

        // The charts hold the API's numbers: the series adds up to the period's outcomes, the bars to the ratings.
        var series = await page.EvaluateAsync<int[]>("() => Chart.getChart('series-chart').data.datasets.map(d => d.data.reduce((a, b) => a + b, 0))");
        Assert.Equal(
            [containment.GetProperty("confirmed").GetInt32(), containment.GetProperty("assumed").GetInt32(), containment.GetProperty("disputed").GetInt32(),
                kpis.GetProperty("handoffs").GetProperty("handed_off").GetInt32()],
            series);
        var ratings = await page.EvaluateAsync<int[]>("() => Chart.getChart('ratings-chart').data.datasets[0].data");
        Assert.Equal(kpis.GetProperty("csat").GetProperty("distribution").EnumerateArray().Select(r => r.GetInt32()), ratings);
        foreach (var chart in new[] { "#series-chart", "#reasons-chart", "#ratings-chart" })
        {
            var box = await page.Locator(chart).BoundingBoxAsync();
            Assert.True(box is { Width: > 100, Height: > 100 }, chart + " is drawn at a readable size");
            Assert.False(string.IsNullOrEmpty(await page.Locator(chart).GetAttributeAsync("aria-label")), chart + " says its figures in words");
        }

        Assert.Equal(kpis.GetProperty("series").GetArrayLength(), await page.Locator("#series-table tbody tr").CountAsync());

        // Each FAQ entry shown has the thumbs the API counts for it (none: 0 and 0).
        var votes = feedback.GetProperty("by_faq_entry").EnumerateArray().ToDictionary(e => e.GetProperty("faq_id").GetString()!, e => (e.GetProperty("up").GetInt32(), e.GetProperty("down").GetInt32()));
        var faqRows = await page.Locator("#faq-rates tbody tr").EvaluateAllAsync<string[][]>("rows => rows.map(r => [...r.cells].map(c => c.textContent))");
        Assert.NotEmpty(faqRows);
        Assert.All(faqRows, row => Assert.Equal(votes.GetValueOrDefault(row[0]), (int.Parse(row[4], English), int.Parse(row[5], English))));
        Assert.Contains(faqRows, row => votes.ContainsKey(row[0]));

        // The gap topics are the report's, in its order, with what shoppers wrote.
        var gaps = await api.GetFromJsonAsync<JsonElement>("/agent/api/insights/gaps" + query.Replace("&bucket=day", "", StringComparison.Ordinal));
        var labels = gaps.GetProperty("clusters").EnumerateArray().Take(8).Select(c => c.GetProperty("label").GetString()).ToList();
        Assert.NotEmpty(labels);
        Assert.Equal(labels, await page.Locator("#gaps > li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.label)"));
        var top = gaps.GetProperty("clusters")[0];
        var topCard = page.Locator("#gaps > li").First;
        Assert.Contains(top.GetProperty("representatives")[0].GetString()!, await topCard.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(top.GetProperty("messages").GetInt32() + " messages", await topCard.InnerTextAsync(), StringComparison.Ordinal);

        await HeadlessChromium.ScreenshotAsync(page, "insights-seeded-demo");
        Assert.Empty(errors);
        Assert.True(csp.Count == 0, string.Join("\n", csp));
    }

    [Fact]
    public async Task KnownConversations_ReadOffThePage_AndAStrangerSeesOnlyTheSignIn()
    {
        using var data = TempFolder.Create();
        using (var database = new SqliteDatabase(data.Path))
        {
            await database.MigrateAsync(default);
            await FixedConversations.StoreAsync(database);
        }

        await using var server = await RunningServer.StartDevelopmentAsync("--Storage:DataPath", data.Path, "--Insights:SeedDemoConversations", "false");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await ConsolePage.OpenAsync(browser);
        var insightCalls = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/agent/api/insights/", StringComparison.Ordinal))
            {
                insightCalls.Add(request.Url);
            }
        };

        // A stranger at the Insights address gets the sign-in form, and the page does not even ask for figures.
        await page.GotoAsync(new Uri(server.Address, "/agent#insights").ToString());
        await page.GetByRole(AriaRole.Heading, new() { Name = "Agent sign-in" }).WaitForAsync(ConsolePage.Patience);
        Assert.True(await page.Locator("#insights").IsHiddenAsync());
        Assert.Equal(0, await page.Locator("[data-kpi]").CountAsync());
        Assert.Empty(insightCalls);

        await ConsolePage.SignInAsSamAsync(page);
        await page.GetByLabel("Period", Exact).SelectOptionAsync("custom");
        await page.GetByLabel("From", Exact).FillAsync("2026-12-05");
        await page.GetByLabel("To", Exact).FillAsync("2026-12-05");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await page.GetByText("Dec 5, 2026 (UTC)").WaitForAsync(ConsolePage.Patience);
        await page.Locator("[data-kpi=conversations] .kpi-value").GetByText("6", new() { Exact = true }).WaitForAsync(ConsolePage.Patience);

        // docs/INSIGHTS.md's definitions, worked out by hand in KpiCalculatorTests.
        Assert.Equal("6 10 shopper messages", await KpiTextAsync(page, "conversations"));
        Assert.Equal("2 s median · 95th percentile 5 s", await KpiTextAsync(page, "bot-first-response"));
        Assert.Equal("50% 1 confirmed · 1 assumed · 1 disputed", await KpiTextAsync(page, "containment"));
        Assert.Equal("50% 1 up · 1 down", await KpiTextAsync(page, "feedback"));
        Assert.Equal("50% 3 conversations handed off", await KpiTextAsync(page, "handoff-rate"));
        Assert.Equal("50% from 2 ratings average 3.5 of 5", await KpiTextAsync(page, "csat"));
        Assert.Equal("3 50% came back within 7 days", await KpiTextAsync(page, "repeats"));
        Assert.Equal("2 min median · 95th percentile 5 min 2 claimed chats", await KpiTextAsync(page, "queue-wait"));
        Assert.Equal(
            ["Asked for a person 1 16.7%", "Order flow failed 1 16.7%", "No one available 1 16.7%"],
            await page.Locator("#reasons-table tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => [...r.cells].map(c => c.textContent).join(' '))"));
        Assert.Equal(
            ["shipping-times 2 1 50% 0 1", "gift-cards 1 0 0% 0 0", "returns-window 1 1 100% 1 0"],
            await page.Locator("#faq-rates tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => [...r.cells].map(c => c.textContent).join(' '))"));
        Assert.Equal(["Dec 5 6 1 1 1 3"], await page.Locator("#series-table tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => [...r.cells].map(c => c.textContent).join(' '))"));
        Assert.Equal("Every question in this period was answered.", await page.Locator("#gaps-summary").InnerTextAsync());

        // A month without conversations says so; a period too long for the gap report gets the server's reason.
        await page.GetByLabel("From", Exact).FillAsync("2026-11-01");
        await page.GetByLabel("To", Exact).FillAsync("2026-11-20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await page.GetByText("No conversations in this period.").WaitForAsync(ConsolePage.Patience);
        Assert.True(await page.Locator("#insights-figures").IsHiddenAsync());
        await page.GetByLabel("From", Exact).FillAsync("2026-01-01");
        await page.GetByLabel("To", Exact).FillAsync("2026-12-05");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await page.Locator("#gaps-status").GetByText("the period at most 92 days", new() { Exact = false }).WaitForAsync(ConsolePage.Patience);
        // The KPIs do not depend on the gap report: the six and the one of the week before are shown all the same.
        await page.Locator("[data-kpi=conversations] .kpi-value").GetByText("7", new() { Exact = true }).WaitForAsync(ConsolePage.Patience);

        // Signing out leaves no figure in the page.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Agent sign-in" }).WaitForAsync(ConsolePage.Patience);
        Assert.Equal(0, await page.Locator("[data-kpi], #gaps > li, #insights-figures tbody tr").CountAsync());
    }

    private static async Task<HttpClient> SignedInClientAsync(RunningServer server)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = server.Address };
        (await client.PostAsJsonAsync("/agent/api/session", new { id = "sam", password = "supportbot-demo" })).EnsureSuccessStatusCode();
        return client;
    }

    private static string Count(JsonElement parent, string name) => parent.GetProperty(name).GetInt32().ToString("N0", English);

    /// <summary>A rate as the page writes it in en-US: a percentage with at most one decimal.</summary>
    private static string Percent(double rate) => (Math.Round(rate * 100, 1, MidpointRounding.AwayFromZero) / 100).ToString("0.#%", English);

    private static async Task<string> KpiValueAsync(IPage page, string kpi) =>
        Normal(await page.Locator($"[data-kpi={kpi}] .kpi-value").InnerTextAsync());

    /// <summary>The card's label, figure and notes as one line (label left out), spaces as typed.</summary>
    private static async Task<string> KpiTextAsync(IPage page, string kpi) =>
        Normal(string.Join(' ', await page.Locator($"[data-kpi={kpi}] dd").AllInnerTextsAsync()));

    private static string Normal(string text) => text.Replace('\u00a0', ' ').Trim();
}
