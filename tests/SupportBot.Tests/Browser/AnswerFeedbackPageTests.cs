using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SupportBot.Storage;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Browser;

/// <summary>
/// The thumbs under the bot's answers in Microsoft's real Web Chat (Chromium, the real host on 127.0.0.1): only an
/// answer shows them, and a click is stored as the shopper's vote on that answer, the latest click winning.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Browser)]
public sealed class AnswerFeedbackPageTests
{
    [Fact]
    public async Task Page_ThumbsUnderAnAnswerOnly_AndAClickIsStoredAsTheVote()
    {
        await using var server = await RunningServer.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        // The page's own conversation, from the token its server hands it (other tests share the store).
        var token = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/webchat/token", StringComparison.Ordinal));
        await page.GotoAsync(server.Address.ToString());
        var conversation = (await (await token).JsonAsync())!.Value.GetProperty("conversation_id").GetString()!;
        var transcript = page.Locator("#webchat");
        await transcript.GetByText("virtual assistant", new() { Exact = false }).First.WaitForAsync(new() { Timeout = 20_000 });
        var thumbs = transcript.Locator("button.webchat__thumb-button");

        // The welcome is not an answer; nor is a "Did you mean…?".
        var input = page.GetByPlaceholder("Type your message");
        await input.FillAsync("delivery");
        await input.PressAsync("Enter");
        await page.GetByRole(AriaRole.Button, new() { Name = "How much does shipping cost?" }).First.WaitForAsync(new() { Timeout = 20_000 });
        Assert.Equal(0, await thumbs.CountAsync());

        await input.FillAsync("how long do I have to return something?");
        await input.PressAsync("Enter");
        await transcript.GetByText("30 days", new() { Exact = false }).First.WaitForAsync(new() { Timeout = 20_000 });
        await thumbs.Nth(1).WaitForAsync(new() { Timeout = 20_000 });
        Assert.Equal(2, await thumbs.CountAsync());

        var like = thumbs.Nth(0);
        var dislike = thumbs.Nth(1);
        await like.ClickAsync();
        Assert.Equal("up", await VoteAsync(server, conversation, "up"));

        // Another click on the other thumb changes the vote; the answer keeps one vote.
        await dislike.ClickAsync();
        Assert.Equal("down", await VoteAsync(server, conversation, "down"));
        Assert.Equal("true", await dislike.GetAttributeAsync("aria-pressed"));

        // What Web Chat sends back is the clicked action as the bot wrote it, and nothing that points at the answer otherwise.
        var sent = await LastFeedbackEventAsync(server, conversation);
        var action = Assert.Single(sent.GetProperty("entities").EnumerateArray());
        Assert.Equal([("@id", "supportbot:answer-to:5:dislike"), ("@type", "DislikeAction")],
            action.EnumerateObject().Select(p => (p.Name, p.Value.GetString())).OrderBy(p => p.Name, StringComparer.Ordinal));
        Assert.False(sent.TryGetProperty("replyToId", out _));

        await HeadlessChromium.ScreenshotAsync(page, "webchat-answer-feedback");
        Assert.Empty(errors);
        Assert.Equal(0, await transcript.GetByText("Send failed", new() { Exact = false }).CountAsync());
    }

    private static async Task<JsonElement> LastFeedbackEventAsync(RunningServer server, string conversation)
    {
        await using var connection = await server.Services.GetRequiredService<Database>().OpenAsync(default);
        await using var command = connection.Command("SELECT json FROM activities WHERE conversation_id = @id ORDER BY seq DESC").With("id", conversation);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var activity = JsonDocument.Parse(reader.GetString(0)).RootElement;
            if (activity.TryGetProperty("name", out var name) && name.GetString() == "webchat:activity-status/feedback")
            {
                return activity.Clone();
            }
        }

        throw new InvalidOperationException("No feedback event was stored.");
    }

    /// <summary>The conversation's one stored vote, once it is <paramref name="expected"/> (Web Chat sends a click half a second after it); null while there is none or several.</summary>
    internal static Task<string?> VoteAsync(RunningServer server, string conversation, string expected) => Eventually.ReadAsync(async () =>
    {
        await using var connection = await server.Services.GetRequiredService<Database>().OpenAsync(default);
        await using var command = connection.Command("SELECT vote, (SELECT COUNT(*) FROM answer_feedback WHERE conversation_id = @id) FROM answer_feedback WHERE conversation_id = @id")
            .With("id", conversation);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() && reader.Whole(1) == 1 ? reader.GetString(0) : null;
    }, vote => vote == expected);
}
