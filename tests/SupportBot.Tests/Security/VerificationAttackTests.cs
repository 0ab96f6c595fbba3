using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Orders;
using SupportBot.Tests.DirectLine;
using SupportBot.Tests.Drafting;
using SupportBot.Tests.Support;
using Step = SupportBot.Tests.Support.FakeChatModel.Step;

namespace SupportBot.Tests.Security;

/// <summary>
/// Order verification attacked from outside, as a stranger would: over HTTP against a started host, one fresh Web Chat
/// token (and so a fresh Direct Line user) per conversation, guessing ZIP codes and e-mails. Each host has its own data
/// folder and a fake clock, so the counts and windows are the test's own.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Security)]
public sealed class VerificationAttackTests
{
    // The limits the tests rely on, given explicitly (they are also the defaults).
    private static readonly string[] Limits =
    [
        "--Orders:Verification:EmailOnlyAfter", "3", "--Orders:Verification:DelayAfter", "5", "--Orders:Verification:DelaySeconds", "60",
        "--Orders:Verification:LockAfter", "10", "--Orders:Verification:WindowMinutes", "60",
    ];

    [Fact]
    public async Task GuessingZipsFromFreshConversations_LocksTheOrder_EvenForTheRightDetails_UntilTheWindowPasses()
    {
        await using var shop = await Shop.StartAsync();

        // Three wrong ZIPs for Ben's LP10000004 (his is 10027), each from a new conversation and a new token.
        foreach (var guess in new[] { "10001", "10002", "10003" })
        {
            Assert.Contains("couldn't match", await shop.AskInNewConversationAsync($"where is LP10000004, zip {guess}"), StringComparison.Ordinal);
        }

        // From now on a ZIP is not even checked: the right one is turned away like any other.
        var rightZip = await shop.AskInNewConversationAsync("where is LP10000004, zip 10027");
        Assert.Equal(RepoWords.EmailRequired, rightZip);

        // Wrong e-mails still count; after five failures each try waits a minute, and it is refused, not slept on.
        foreach (var guess in new[] { "a@example.com", "b@example.com" })
        {
            Assert.Contains("couldn't match", await shop.AskInNewConversationAsync($"where is LP10000004, {guess}"), StringComparison.Ordinal);
        }

        Assert.Equal(RepoWords.TryLater(TimeSpan.FromMinutes(1)), await shop.AskInNewConversationAsync("where is LP10000004, c@example.com"));
        for (var failure = 6; failure <= 10; failure++)
        {
            shop.Clock.Advance(TimeSpan.FromSeconds(61));
            Assert.Contains("couldn't match", await shop.AskInNewConversationAsync($"where is LP10000004, guess{failure}@example.com"), StringComparison.Ordinal);
        }

        // Locked for the window: even the right e-mail is refused, with how long to wait.
        shop.Clock.Advance(TimeSpan.FromMinutes(5));
        var locked = await shop.AskInNewConversationAsync("where is LP10000004, ben.okafor@example.com");
        Assert.Equal(RepoWords.TryLater(TimeSpan.FromMinutes(55)), locked);
        Assert.DoesNotContain("Ben", locked, StringComparison.Ordinal);

        shop.Clock.Advance(TimeSpan.FromMinutes(56));
        var afterTheWindow = await shop.AskInNewConversationAsync("where is LP10000004, zip 10027");
        Assert.StartsWith("Thanks, Ben! I'm sorry: order **LP10000004** is running late.", afterTheWindow, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownOrderNumber_CountsAndLocksExactlyLikeARealOne_InTheSameWords()
    {
        // Two identical shops, the same attack: on a real order (Dev's LP10000006, ZIP 60614) and on one that does not exist.
        string[] Script(string number) =>
        [
            $"where is {number}, zip 60601", $"where is {number}, zip 60602", $"where is {number}, zip 60603",
            $"where is {number}, zip 60614", $"where is {number}, x@example.com", $"where is {number}, y@example.com",
            $"where is {number}, dev.patel@example.com",
        ];

        await using var real = await Shop.StartAsync();
        await using var unknown = await Shop.StartAsync();
        var toReal = new List<string>();
        var toUnknown = new List<string>();
        foreach (var (forReal, forUnknown) in Script("LP10000006").Zip(Script("LP19999997")))
        {
            toReal.Add(await real.AskInNewConversationAsync(forReal));
            toUnknown.Add(await unknown.AskInNewConversationAsync(forUnknown));
        }

        Assert.Equal(toReal, toUnknown);
        Assert.Equal(RepoWords.EmailRequired, toReal[3]);
        Assert.StartsWith("There have been too many attempts", toReal[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AZipAlone_NeverShowsTheStreet_AndCannotCancelOrRedirectTheOrder()
    {
        await using var shop = await Shop.StartAsync();
        var orders = shop.Server.Services.GetRequiredService<IOrderBackend>();

        var redirect = new ShopperConversation(shop.Server.Client);
        await redirect.StartAsync();
        var asked = await redirect.AskAsync("I need to change the delivery address on LP10000007, zip 94110");
        Assert.Contains("what's the **email address** on order **LP10000007**", asked, StringComparison.Ordinal);
        Assert.DoesNotContain("Harrison", asked, StringComparison.Ordinal);
        await redirect.AskAsync("1 Attacker Way, Reno, NV 89501");
        await redirect.AskAsync("yes");

        var cancel = new ShopperConversation(shop.Server.Client);
        await cancel.StartAsync();
        var status = await cancel.AskAsync("status of LP10000006 please, zip 60614");
        Assert.Contains("is confirmed and hasn't shipped yet", status, StringComparison.Ordinal);
        Assert.DoesNotContain("Clifton", status, StringComparison.Ordinal);
        Assert.Contains("what's the **email address**", await cancel.AskAsync("Cancel this order"), StringComparison.Ordinal);
        await cancel.AskAsync("Yes, cancel it");

        var redirected = await orders.FindOrderAsync("LP10000007", CancellationToken.None);
        Assert.Equal("3150 Harrison St", redirected!.ShippingAddress.Line1);
        Assert.Equal(OrderStatus.Placed, (await orders.FindOrderAsync("LP10000006", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task TheOrdersEmail_StillChangesTheAddress()
    {
        await using var shop = await Shop.StartAsync();
        var chat = new ShopperConversation(shop.Server.Client);
        await chat.StartAsync();

        Assert.Contains("what's the **email address** on order **LP10000007**", await chat.AskAsync("change the delivery address on LP10000007, zip 94110"), StringComparison.Ordinal);
        Assert.Contains("is going to 3150 Harrison St", await chat.AskAsync("emma.rossi@example.com"), StringComparison.Ordinal);
        await chat.AskAsync("500 Market St, Apt 4, San Francisco, CA 94105");
        Assert.Contains("will go to 500 Market St", await chat.AskAsync("yes"), StringComparison.Ordinal);

        var order = await shop.Server.Services.GetRequiredService<IOrderBackend>().FindOrderAsync("LP10000007", CancellationToken.None);
        Assert.Equal("500 Market St", order!.ShippingAddress.Line1);
    }

    [Fact]
    public async Task TheModel_IsGivenNoPaymentDetailsAndNoStreet_EvenForAnOrderVerifiedByEmail()
    {
        await using var model = await FakeChatModel.StartAsync(
            Step.Call("orders-verify", new { orderNumber = "LP10000002", emailOrPostalCode = "ana.lima@example.com" }),
            Step.Call("orders-status", new { orderNumber = "LP10000002" }),
            Step.Text("You have 30 days to return things [source:return-window]."));
        await using var host = await EngineHost.StartAsync(model.Settings());

        await host.Engine.HandleAsync(ModelDraftingTests.Ask("how long do I have to return something?", conversation: "model-orders"));

        // The last request carries the whole chat, both order results included.
        var toolResults = ModelDraftingTests.WithRole(model.Requests[^1], "tool").Select(ModelDraftingTests.ContentOf).ToList();
        var orderResults = toolResults.Where(r => r.Contains("LP10000002", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, orderResults.Count);
        foreach (var result in orderResults)
        {
            var order = JsonNode.Parse(result)!["order"]!;
            Assert.Equal("Portland", (string?)order["ships_to"]!["city"]);
            Assert.Equal("UPS", (string?)order["shipment"]!["carrier"]);
            foreach (var secret in new[] { "Visa", "payment", "1420 SW Alder", "Apt 5C", "ana.lima@example.com", "CUS-10001", "Lima" })
            {
                Assert.DoesNotContain(secret, result, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    /// <summary>A started host with its own data folder and a fake clock.</summary>
    private sealed class Shop : IAsyncDisposable
    {
        private readonly TempFolder _data;

        private Shop(RunningServer server, FakeTimeProvider clock, TempFolder data) => (Server, Clock, _data) = (server, clock, data);

        public RunningServer Server { get; }

        public FakeTimeProvider Clock { get; }

        public static async Task<Shop> StartAsync()
        {
            var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
            var data = TempFolder.Create();
            CopyTrainedModels(data.Path);
            var server = await RunningServer.StartAsync(services => services.AddSingleton<TimeProvider>(clock), ["--Storage:DataPath", data.Path, .. Limits]);
            return new Shop(server, clock, data);
        }

        /// <summary>The intent model another host of this run trained already, if any, so this one need not train again.</summary>
        private static void CopyTrainedModels(string dataPath)
        {
            var trained = Path.Combine(RunningServer.DataPath, "models");
            if (!Directory.Exists(trained))
            {
                return;
            }

            var models = Directory.CreateDirectory(Path.Combine(dataPath, "models")).FullName;
            try
            {
                foreach (var file in Directory.GetFiles(trained, "intents-*"))
                {
                    File.Copy(file, Path.Combine(models, Path.GetFileName(file)), overwrite: true);
                }
            }
            catch (IOException)
            {
                // Another host is writing its model right now: this one trains its own instead.
            }
        }

        /// <summary>What an attacker does for each guess: a fresh page token (a new user), a new conversation, one message.</summary>
        public async Task<string> AskInNewConversationAsync(string text)
        {
            var chat = new ShopperConversation(Server.Client);
            await chat.StartAsync();
            return await chat.AskAsync(text);
        }

        public async ValueTask DisposeAsync()
        {
            await Server.DisposeAsync();
            _data.Dispose();
        }
    }

    /// <summary>A conversation as the Web Chat page opens one: a token from the page's endpoint, then Direct Line.</summary>
    private sealed class ShopperConversation(HttpClient http)
    {
        private DirectLineClient? _client;

        public async Task StartAsync()
        {
            using var response = await http.PostAsync(new Uri("/api/webchat/token", UriKind.Relative), null);
            response.EnsureSuccessStatusCode();
            var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
            _client = new DirectLineClient(http, token);
            (await _client.StartAsync()).EnsureSuccessStatusCode();
        }

        /// <summary>Posts a message and returns the bot's reply text (the replies are stored before the post is answered).</summary>
        public async Task<string> AskAsync(string text)
        {
            var id = await _client!.PostOkAsync(text);
            var (activities, _) = await _client.PollAsync();
            return string.Join("\n\n", activities
                .Where(a => a.GetProperty("type").GetString() == "message" && a.TryGetProperty("replyToId", out var to) && to.GetString() == id)
                .Select(a => a.GetProperty("text").GetString()));
        }
    }
}
