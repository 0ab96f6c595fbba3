using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Conversation;
using SupportBot.Schema;
using SupportBot.Drafting;
using SupportBot.Tests.Support;
using Step = SupportBot.Tests.Support.FakeChatModel.Step;

namespace SupportBot.Tests.Drafting;

/// <summary>The <c>OpenAI</c> drafter against an OpenAI-compatible server on 127.0.0.1 that records what it was sent.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class ModelDraftingTests
{
    private const string ReturnQuestion = "how long do I have to return something?";

    /// <summary>A question in a conversation of its own unless named: conversations are durable, so a shared one would remember earlier tests.</summary>
    internal static Activity Ask(string text, string? name = "Ana Lima", string? conversation = null) =>
        Activities.Message(text, conversation ?? Activities.NewConversationId("model"), Activities.Shopper("shopper-1", name));

    internal static (string Text, TurnDecision Decision) Outcome(IReadOnlyList<Activity> replies) => (
        Assert.Single(replies, r => r.Type == ActivityTypes.Message).Text!,
        BotReplies.DecisionOf(replies));

    internal static JsonArray Messages(JsonObject request) => request["messages"]!.AsArray();

    internal static IEnumerable<JsonNode> WithRole(JsonObject request, string role) =>
        Messages(request).Select(m => m!).Where(m => (string?)m["role"] == role);

    internal static string ContentOf(JsonNode message) => message["content"] switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => (string?)p!["text"])),
        _ => "",
    };

    /// <summary>The functions as the model is told of them (Semantic Kernel builds this from the plugins by reflection), pinned whole.</summary>
    private const string ToolSchema = """
        [{"type":"function","function":{"description":"Searches the store\u0027s help centre and returns the best matching passages, each with the source id to cite.","name":"knowledge-search","parameters":{"type":"object","required":["query"],"properties":{"query":{"description":"The shopper\u0027s question in plain words","type":"string"}}},"strict":false}},{"type":"function","function":{"description":"Returns what is known about the shopper in this conversation, such as their first name.","name":"shopper-profile","parameters":{"type":"object","required":[],"properties":{}},"strict":false}},{"type":"function","function":{"description":"Checks that an order belongs to the shopper: the order number and the email address or ZIP/postal code on it. Must succeed before anything else about the order is available.","name":"orders-verify","parameters":{"type":"object","required":["orderNumber","emailOrPostalCode"],"properties":{"orderNumber":{"description":"The order number, LP followed by 8 digits","type":"string"},"emailOrPostalCode":{"description":"The email address or ZIP/postal code the shopper gave","type":"string"}}},"strict":false}},{"type":"function","function":{"description":"The status, shipment, tracking link, estimated delivery, latest carrier event and returns of a verified order.","name":"orders-status","parameters":{"type":"object","required":["orderNumber"],"properties":{"orderNumber":{"description":"The order number","type":"string"}}},"strict":false}},{"type":"function","function":{"description":"Creates a return for lines of a verified, delivered order and returns the RMA number and the label link.","name":"orders-create_return","parameters":{"type":"object","required":["orderNumber","lineIds","reason"],"properties":{"orderNumber":{"description":"The order number","type":"string"},"lineIds":{"description":"The line ids to return, comma-separated, e.g. L1,L2","type":"string"},"reason":{"description":"Why the shopper returns them","type":"string"}}},"strict":false}},{"type":"function","function":{"description":"Cancels a verified order that has not shipped. Ask the shopper to confirm before calling.","name":"orders-cancel","parameters":{"type":"object","required":["orderNumber"],"properties":{"orderNumber":{"description":"The order number","type":"string"}}},"strict":false}}]
        """;

    [Fact]
    public async Task Request_CarriesTheRulesThePassagesAndTheToolSchema_AndTheCitedDraftIsSent()
    {
        await using var model = await FakeChatModel.StartAsync(Step.Text("You have 30 days from delivery to send an item back [source:return-window]."));
        await using var host = await EngineHost.StartAsync(model.Settings());

        var (text, decision) = Outcome(await host.Engine.HandleAsync(Ask(ReturnQuestion)));

        var request = Assert.Single(model.Requests);
        Assert.Equal("fake-model", (string?)request["model"]);
        Assert.Equal(0.2, (double)request["temperature"]!, 3);
        var system = ContentOf(Assert.Single(WithRole(request, "system")));
        Assert.StartsWith("You are Pip, the virtual assistant of Larkspur & Pine.", system, StringComparison.Ordinal);
        Assert.Contains("[source:ID]", system, StringComparison.Ordinal);
        Assert.Contains("UNSURE", system, StringComparison.Ordinal);
        Assert.DoesNotContain("return something", system, StringComparison.Ordinal);
        Assert.Equal(ReturnQuestion, ContentOf(Assert.Single(WithRole(request, "user"))));

        var calls = Assert.Single(WithRole(request, "assistant"))["tool_calls"]!.AsArray();
        Assert.Equal(["knowledge-search", "shopper-profile"], calls.Select(c => (string?)c!["function"]!["name"]));
        var results = WithRole(request, "tool").Select(m => JsonNode.Parse(ContentOf(m))!).ToList();
        var passages = results[0]["passages"]!.AsArray();
        Assert.Equal("return-window", (string?)passages[0]!["id"]);
        Assert.Contains("30 days", (string?)passages[0]!["text"], StringComparison.Ordinal);
        Assert.Equal("Ana", (string?)results[1]["first_name"]);

        Assert.Equal(ToolSchema, request["tools"]!.ToJsonString());
        var tools = request["tools"]!.AsArray().Select(t => t!["function"]!).ToList();
        var search = Assert.Single(tools, t => (string?)t["name"] == "knowledge-search");
        Assert.NotNull(search["parameters"]!["properties"]!["query"]);
        Assert.Contains(tools, t => (string?)t["name"] == "shopper-profile");

        Assert.Equal(ReplyDrafter.ModelDrafter, decision.Drafter);
        Assert.Equal(["return-window"], decision.Cited);
        Assert.False(decision.LowConfidence);
        Assert.StartsWith("You have 30 days from delivery to send an item back.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("[source:", text, StringComparison.Ordinal);
        Assert.EndsWith("\n\nFrom our help centre: *How long do I have to return something?*", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelSearchesAgain_TheFunctionRunsInProcess_AndItsResultMayBeCited()
    {
        await using var model = await FakeChatModel.StartAsync(
            Step.Call("knowledge-search", new { query = "check my gift card balance" }),
            Step.Text("You can check a gift card's balance online [source:gift-card-balance]."));
        await using var host = await EngineHost.StartAsync(model.Settings());

        var (text, decision) = Outcome(await host.Engine.HandleAsync(Ask(ReturnQuestion)));

        Assert.Equal(2, model.Requests.Count);
        var toolResult = WithRole(model.Requests[1], "tool").Last();
        var passages = JsonNode.Parse(ContentOf(toolResult))!["passages"]!.AsArray();
        Assert.Equal("gift-card-balance", (string?)passages[0]!["id"]);
        Assert.Equal(ReplyDrafter.ModelDrafter, decision.Drafter);
        Assert.Equal(["gift-card-balance"], decision.Cited);
        Assert.Contains("gift card", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("You have 30 days to return things.", DraftRejection.Uncited)]
    [InlineData("Returns are accepted for a full year [source:return-policy-2019].", DraftRejection.UnknownSource)]
    [InlineData("", DraftRejection.Empty)]
    [InlineData("UNSURE", DraftRejection.Unsure)]
    [InlineData("Send us the order here: https://returns.example.net/form [source:return-window]", DraftRejection.ForeignLink)]
    [InlineData("![](https://collect.example.org/p.gif?q=order) You have 30 days [source:return-window]", DraftRejection.ForeignLink)]
    [InlineData("You can return most items within 60 days of delivery for a refund [source:return-window].", DraftRejection.LostNumber)]
    [InlineData("Exchanges for a different size or color are accepted within 30 days of delivery [source:return-window].", DraftRejection.LostNumber)]
    [InlineData("You can return most items within 30 days of delivery. Final Sale items can be returned too [source:return-window].", DraftRejection.LostNegation)]
    public async Task UnusableDraft_IsNotSent_TheLocalDraftIsAndTheTurnIsLowConfidence(string draft, string reason)
    {
        await using var model = await FakeChatModel.StartAsync(Step.Text(draft));
        await using var host = await EngineHost.StartAsync(model.Settings());

        var (text, decision) = Outcome(await host.Engine.HandleAsync(Ask(ReturnQuestion)));

        Assert.Single(model.Requests);
        Assert.Equal(ReplyDrafter.LocalDrafter, decision.Drafter);
        Assert.Equal(reason, decision.DraftFallback);
        Assert.True(decision.LowConfidence);
        Assert.Equal(await LocalAnswer(ReturnQuestion), text);
    }

    [Fact]
    public async Task DraftThatKeepsTheNumbersAndTheNegations_IsSent()
    {
        const string Draft = "You have 30 days from delivery to return most items, or 45 days to exchange them; Final Sale items can't be returned at all [source:return-window].";
        await using var model = await FakeChatModel.StartAsync(Step.Text(Draft));
        await using var host = await EngineHost.StartAsync(model.Settings());

        var (text, decision) = Outcome(await host.Engine.HandleAsync(Ask(ReturnQuestion)));

        Assert.Equal(ReplyDrafter.ModelDrafter, decision.Drafter);
        Assert.Null(decision.DraftFallback);
        Assert.StartsWith("You have 30 days from delivery to return most items, or 45 days", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailingProvider_IsRetriedOnce_ThenTheLocalDraftIsSent()
    {
        await using var model = await FakeChatModel.StartAsync(Step.Fail(503));
        await using var host = await EngineHost.StartAsync(model.Settings("--Drafting:OpenAI:MaxRetries", "1", "--Drafting:OpenAI:RetryDelayMilliseconds", "10"));

        var (text, decision) = Outcome(await host.Engine.HandleAsync(Ask(ReturnQuestion)));

        Assert.Equal(2, model.Requests.Count);
        Assert.Equal(DraftFallback.ProviderError, decision.DraftFallback);
        Assert.False(decision.LowConfidence);
        Assert.Equal(await LocalAnswer(ReturnQuestion), text);
    }

    [Fact]
    public async Task FailedAttempt_ThenSuccess_SendsTheModelsDraft()
    {
        await using var model = await FakeChatModel.StartAsync(Step.Fail(500), Step.Text("You have 30 days [source:return-window]."));
        await using var host = await EngineHost.StartAsync(model.Settings("--Drafting:OpenAI:RetryDelayMilliseconds", "10"));

        var (_, decision) = Outcome(await host.Engine.HandleAsync(Ask(ReturnQuestion)));

        Assert.Equal(2, model.Requests.Count);
        Assert.Equal(ReplyDrafter.ModelDrafter, decision.Drafter);
    }

    [Fact]
    public async Task SlowProvider_TheLocalDraftIsSentWhenTheBudgetRunsOut()
    {
        await using var model = await FakeChatModel.StartAsync(Step.Slow(TimeSpan.FromSeconds(60), "too late [source:return-window]"));
        await using var host = await EngineHost.StartAsync(model.Settings("--Drafting:BudgetSeconds", "0.5", "--Drafting:OpenAI:MaxRetries", "0"));

        var (text, decision) = Outcome(await host.Engine.HandleAsync(Ask(ReturnQuestion)));

        Assert.Equal(DraftFallback.Timeout, decision.DraftFallback);
        Assert.Equal(await LocalAnswer(ReturnQuestion), text);
    }

    [Fact]
    public async Task ProviderKeepsFailing_TheCircuitOpens_AndTurnsStopWaitingForIt()
    {
        await using var model = await FakeChatModel.StartAsync(Step.Fail(500));
        await using var host = await EngineHost.StartAsync(model.Settings(
            "--Drafting:OpenAI:MaxRetries", "0", "--Drafting:OpenAI:CircuitMinimumCalls", "2", "--Drafting:OpenAI:CircuitFailureRatio", "0.5"));

        var decisions = new List<TurnDecision>();
        for (var turn = 0; turn < 5; turn++)
        {
            decisions.Add(Outcome(await host.Engine.HandleAsync(Ask(ReturnQuestion, conversation: $"circuit-{turn}"))).Decision);
        }

        Assert.Equal(2, model.Requests.Count);
        Assert.Equal([DraftFallback.ProviderError, DraftFallback.ProviderError], decisions.Take(2).Select(d => d.DraftFallback));
        Assert.All(decisions.Skip(2), d => Assert.Equal(DraftFallback.CircuitOpen, d.DraftFallback));
        Assert.All(decisions, d => Assert.Equal(ReplyDrafter.LocalDrafter, d.Drafter));
    }

    [Fact]
    public async Task ApiKey_IsSentAsABearerToken()
    {
        await using var model = await FakeChatModel.StartAsync(Step.Text("You have 30 days [source:return-window]."));
        await using var host = await EngineHost.StartAsync(model.Settings("--Drafting:OpenAI:ApiKey", "sk-test-123"));

        await host.Engine.HandleAsync(Ask(ReturnQuestion));

        Assert.Equal("Bearer sk-test-123", Assert.Single(model.Authorizations));
    }

    private static async Task<string> LocalAnswer(string question)
    {
        await using var host = await EngineHost.StartAsync();
        return Outcome(await host.Engine.HandleAsync(Ask(question))).Text;
    }
}
