using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Conversation;
using SupportBot.Schema;
using SupportBot.Handoff;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Handoff;

/// <summary>The engine configured to hand off to an external contact centre with the Bot Framework handoff events.</summary>
public sealed class ExternalHandoffFixture() : OwnDataEngineFixture("--Handoff:Target", "External");

[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class ExternalHandoffTests(ExternalHandoffFixture fixture) : IClassFixture<ExternalHandoffFixture>
{
    [Fact]
    public async Task Handoff_EmitsHandoffInitiate_FromTheShopper_WithContextAndTranscript()
    {
        var chat = fixture.Chat(botConnector: true);
        await chat.SayAsync("where is my order LP10000002");

        var turn = await chat.SayAsync("I want to talk to a human");

        var initiate = Assert.Single(turn.All, a => a.Type == ActivityTypes.Event);
        Assert.Equal("handoff.initiate", initiate.Name);
        Assert.Equal(chat.Shopper, initiate.From);
        Assert.Equal(chat.Conversation, initiate.Conversation!.Id);
        Assert.StartsWith(chat.Key.Value + "|", initiate.ReplyToId, StringComparison.Ordinal);
        Assert.Equal(turn.Message!.ReplyToId, initiate.ReplyToId);
        Assert.Equal(("directline", "http://127.0.0.1:9/connector"), (initiate.ChannelId, initiate.ServiceUrl));
        var value = initiate.Value!.Value;
        Assert.Equal("requested", value.GetProperty("reason").GetString());
        Assert.Equal("LP10000002", value.GetProperty("slots").GetProperty("order_number").GetString());
        var attachment = Assert.Single(initiate.Attachments!);
        Assert.Equal(("application/json", "Transcript"), (attachment.ContentType, attachment.Name));
        var activities = JsonSerializer.SerializeToElement(attachment.Content, ActivityJson.Options).GetProperty("activities");
        Assert.Equal("I want to talk to a human", activities[activities.GetArrayLength() - 1].GetProperty("text").GetString());
        Assert.Equal(HandoffStatus.Pending, (await fixture.Host.Services.GetRequiredService<IHandoffLine>().OpenForAsync(chat.Key.Value, default))!.Status);
        Assert.Contains("connecting you with a member of our support team", turn.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandoffStatus_Accepted_SilencesTheBot_Completed_AsksForARating()
    {
        var chat = fixture.Chat(botConnector: true);
        await chat.SayAsync("agent please");

        var beforeAccepted = await chat.SayAsync("hello, anyone?");
        var accepted = await chat.SendAsync(Status("accepted"));
        var whileWithPlatform = await chat.SayAsync("hello?");
        var completed = await chat.SendAsync(Status("completed", "Maria"));

        Assert.Contains("still connecting you", beforeAccepted.Text, StringComparison.Ordinal);
        Assert.Empty(accepted.All);
        Assert.Null(whileWithPlatform.Message);
        Assert.Contains("Maria has marked your request as resolved", completed.Text, StringComparison.Ordinal);
        Assert.Equal("back_to_bot", completed.HandoffState);
        Assert.Equal(TurnDecision.Rated, (await chat.SayAsync("5")).Decision.Action);
    }

    [Fact]
    public async Task HandoffStatus_Failed_GivesTheConversationBackToTheBot()
    {
        var chat = fixture.Chat(botConnector: true);
        await chat.SayAsync("agent please");

        var failed = await chat.SendAsync(Status("failed"));
        var next = await chat.SayAsync("do you ship to canada");

        Assert.Contains("couldn't connect you with our team", failed.Text, StringComparison.Ordinal);
        Assert.Equal(TurnDecision.Answer, next.Decision.Action);
    }

    [Fact]
    public async Task HandoffStatus_WithoutAHandoff_IsIgnored()
    {
        var chat = fixture.Chat(botConnector: true);

        Assert.Empty((await chat.SendAsync(Status("completed"))).All);
    }

    [Theory]
    [InlineData("{\"state\":\"hijacked\"}")]
    [InlineData("{\"state\":\"COMPLETED\"}")]
    [InlineData("{\"state\":[\"completed\"]}")]
    [InlineData("{\"state\":\"completed\",\"agentName\":42}")]
    [InlineData("{\"state\":\"completed\",\"agentName\":\"   \"}")]
    [InlineData("\"completed\"")]
    public async Task HandoffStatus_NotInTheDocumentedShape_IsIgnored(string value)
    {
        var chat = fixture.Chat(botConnector: true);
        await chat.SayAsync("agent please");

        var status = await chat.SendAsync(Activities.Event("handoff.status", JsonDocument.Parse(value).RootElement.Clone()));

        Assert.Empty(status.All);
        Assert.Equal(HandoffStatus.Pending, (await fixture.Host.Services.GetRequiredService<IHandoffLine>().OpenForAsync(chat.Key.Value, default))!.Status);
    }

    [Fact]
    public async Task HandoffStatus_FromAChannelThatDidNotAuthenticate_IsIgnored()
    {
        var chat = fixture.Chat();
        await chat.SayAsync("agent please");

        Assert.Empty((await chat.SendAsync(Status("completed"))).All);
        Assert.Equal(HandoffStatus.Pending, (await fixture.Host.Services.GetRequiredService<IHandoffLine>().OpenForAsync(chat.Key.Value, default))!.Status);
    }

    private static Activity Status(string state, string? agent = null) => Activities.Event("handoff.status",
        JsonSerializer.SerializeToElement(agent is null ? new Dictionary<string, string> { ["state"] = state } : new Dictionary<string, string> { ["state"] = state, ["agentName"] = agent }));
}
