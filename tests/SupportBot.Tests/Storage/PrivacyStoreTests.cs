using SupportBot.Schema;
using SupportBot.Handoff;
using SupportBot.Privacy;
using SupportBot.Storage;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Storage;

/// <summary>Retention and deletion on request on both providers: history rewritten in place, or removed with everything that names the shopper.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class PrivacyStoreTests : OnBothProviders
{
    private const string Email = "ana.lima@example.com";

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task Rewrite_RedactsTheTranscriptAndTickets_AndTheConversationIsNoLongerDue(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var conversations = await SeedAsync(test.Database);
        var privacy = new SqlPrivacyStore(test.Database);
        Assert.Equal(["c1", "c2"], await privacy.DueForRedactionAsync(Start.AddDays(1), default));

        var stored = await conversations.ReadAfterAsync("c1", -1, default);
        var redacted = stored.Select(a => a with { Activity = a.Activity with { Text = Redact(a.Activity.Text!) } }).ToList();
        var counts = await privacy.RewriteAsync("c1", redacted, Redact, Start.AddDays(1), default);

        Assert.Equal(new PrivacyCounts(1, 2, 1, 0), counts);
        Assert.Equal(["it is [email]", "thanks"], (await conversations.ReadAfterAsync("c1", -1, default)).Select(a => a.Activity.Text));
        var ticket = await new SqlHandoffStore(test.Database).FindAsync("h1", default);
        Assert.Equal((null, null, "shopper [email] wants a person"), (ticket!.ShopperName, ticket.Email, ticket.Summary));
        Assert.Equal(["c2"], await privacy.DueForRedactionAsync(Start.AddDays(1), default));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task Delete_ByEmail_RemovesTheConversationTicketAndProfile_AndADryRunOnlyCounts(StorageProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var conversations = await SeedAsync(test.Database);
        var privacy = new SqlPrivacyStore(test.Database);
        var query = new ShopperQuery(Email: "ANA.Lima@example.com");

        var found = await privacy.FindAsync(query, default);
        Assert.Equal(["c1"], found);
        var expected = new PrivacyCounts(1, 2, 1, 1);
        Assert.Equal(expected, await privacy.DeleteAsync(found, query, dryRun: true, default));
        Assert.True(await conversations.ExistsAsync("c1", default));

        Assert.Equal(expected, await privacy.DeleteAsync(found, query, dryRun: false, default));
        Assert.False(await conversations.ExistsAsync("c1", default));
        Assert.Empty(await conversations.ReadAfterAsync("c1", -1, default));
        Assert.Null(await new SqlHandoffStore(test.Database).FindAsync("h1", default));
        Assert.Null(await conversations.FindUserAsync("u1", default));
        Assert.NotNull(await conversations.FindUserAsync("u2", default));
        Assert.Single(await conversations.ReadAfterAsync("c2", -1, default));
    }

    private static string Redact(string text) => text.Replace(Email, "[email]", StringComparison.Ordinal);

    /// <summary>Ana's conversation (her e-mail in the transcript and on a closed ticket) and someone else's.</summary>
    private static async Task<SqlConversationStore> SeedAsync(Database database)
    {
        var conversations = new SqlConversationStore(database);
        await conversations.CreateAsync("c1", "u1", Start, default);
        await conversations.CreateAsync("c2", "u2", Start.AddMinutes(1), default);
        await conversations.AppendAsync("c1", [Said("u1", $"it is {Email}"), Said("u1", "thanks")], default);
        await conversations.AppendAsync("c2", [Said("u2", "hello")], default);
        await TurnStoreTests.SeenAsync(database, "c1", new ShopperSeen("u1", "Ana", "en", Start));
        await TurnStoreTests.SeenAsync(database, "c2", new ShopperSeen("u2", "Bo", "en", Start));
        await new SqlHandoffStore(database).AddAsync(new HandoffTicket
        {
            Id = "h1",
            ConversationId = "c1",
            ShopperId = "u1",
            ShopperName = "Ana",
            Email = Email,
            Reason = "asked",
            Summary = $"shopper {Email} wants a person",
            Status = HandoffStatus.Resolved,
            CreatedAt = Start,
        }, default);
        return conversations;
    }

    private static Activity Said(string user, string text) => new() { Type = ActivityTypes.Message, Text = text, From = new ChannelAccount(user, null, "user") };
}
