using Microsoft.Extensions.DependencyInjection;
using SupportBot.Conversation;
using SupportBot.Schema;
using SupportBot.Handoff;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Handoff;

/// <summary>
/// What the shopper lives through once a person is involved: the queue place, an agent joining (the bot silent),
/// the agent's messages, handing back, resolving with a rating, and a message left when nobody is there.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class HandoffConversationTests(HandoffFixture fixture) : IClassFixture<HandoffFixture>
{
    [Fact]
    public async Task Queue_TellsEachShopperTheirPlace_AndAcknowledgesMessagesWhileWaiting()
    {
        using var online = fixture.AgentOnline();
        var first = fixture.Chat();
        var second = fixture.Chat();

        var one = await first.SayAsync("talk to a human");
        var two = await second.SayAsync("talk to a human");
        var meanwhile = await second.SayAsync("it's about my jumper order");

        Assert.Contains("You're next in the queue", one.Text, StringComparison.Ordinal);
        Assert.Contains("You're number 2 in the queue", two.Text, StringComparison.Ordinal);
        Assert.Equal("queued", two.HandoffState);
        Assert.Equal(TurnDecision.WithAgent, meanwhile.Decision.Action);
        Assert.Contains("You're number 2 in the queue", meanwhile.Text, StringComparison.Ordinal);

        var left = await first.SayAsync("cancel");
        Assert.Equal(TurnDecision.LeftQueue, left.Decision.Action);
        Assert.Equal("back_to_bot", left.HandoffState);
        Assert.Null((await fixture.Line.OpenForAsync(first.Conversation, default)));
        Assert.Contains("You're next in the queue", (await second.SayAsync("still there?")).Text, StringComparison.Ordinal);
        await second.SayAsync("cancel");
    }

    [Fact]
    public async Task AgentOwnsTheConversation_BotIsSilent_ThenResolveAsksForARatingThatIsStored()
    {
        using var online = fixture.AgentOnline();
        var chat = fixture.Chat();
        await chat.SayAsync("where is my order LP10000002");
        await chat.SayAsync("I'd like to speak to a person");
        var ticket = (await fixture.Line.OpenForAsync(chat.Conversation, default))!;

        var claimed = await fixture.Agents.ClaimAsync(HandoffFixture.Tess, ticket, default);
        var whileOwned = await chat.SayAsync("how long do I have to return something?");
        await fixture.Agents.SendAsync(HandoffFixture.Tess, claimed, "Hi Ana, I'm on it.", "m1", default);
        await fixture.Agents.ResolveAsync(HandoffFixture.Tess, claimed, default);

        Assert.Null(whileOwned.Message);
        Assert.Equal((TurnDecision.WithAgent, "assigned"), (whileOwned.Decision.Action, whileOwned.Decision.HandoffState));
        Assert.Equal("faq_returns_refunds", whileOwned.Decision.Intent);
        Assert.Null(await fixture.Line.OpenForAsync(chat.Conversation, default));

        var transcript = await fixture.Agents.TranscriptAsync(chat.Conversation, -1, default);
        // What the desk delivered outside the turns: no reply to a shopper's message.
        var said = transcript.Select(s => s.Activity).Where(a => a.Type == ActivityTypes.Message && a.From?.Role != "user" && a.ReplyToId is null).ToList();
        Assert.Equal("You're now chatting with Tess from the support team.", said[0].Text);
        Assert.Equal(("agent:tess", "Tess", "Hi Ana, I'm on it."), (said[1].From!.Id, said[1].From!.Name, said[1].Text));
        Assert.Contains("How would you rate the help", said[2].Text, StringComparison.Ordinal);
        Assert.Equal(["1", "2", "3", "4", "5"], said[2].SuggestedActions!.Actions.Select(a => a.Title));

        var rated = await chat.SayAsync("4");
        Assert.Equal(TurnDecision.Rated, rated.Decision.Action);
        Assert.Equal(4, (await fixture.Store.FindAsync(ticket.Id, default))!.Rating);
        Assert.Equal(TurnDecision.Answer, (await chat.SayAsync("how long do I have to return something?")).Decision.Action);
    }

    [Fact]
    public async Task AgentHandsBack_TheBotAnswersAgain()
    {
        using var online = fixture.AgentOnline();
        var chat = fixture.Chat();
        await chat.SayAsync("human please");
        var claimed = await fixture.Agents.ClaimAsync(HandoffFixture.Tess, (await fixture.Line.OpenForAsync(chat.Conversation, default))!, default);

        await fixture.Agents.ReturnAsync(HandoffFixture.Tess, claimed, default);
        var after = await chat.SayAsync("do you ship to canada");

        Assert.Equal(TurnDecision.Answer, after.Decision.Action);
        var said = (await fixture.Agents.TranscriptAsync(chat.Conversation, -1, default)).Select(s => s.Activity).Where(a => a.Type == ActivityTypes.Message).ToList();
        Assert.Contains("Tess has handed the conversation back to me", said[^3].Text, StringComparison.Ordinal);
        Assert.Equal(("do you ship to canada", after.Message!.ReplyToId), (said[^2].Text, said[^2].Id));
        await Assert.ThrowsAsync<HandoffConflictException>(() => fixture.Agents.SendAsync(HandoffFixture.Tess, claimed, "too late", "m2", default));
    }

    [Fact]
    public async Task AgentMessageRetriedWithTheSameClientId_IsDeliveredOnce()
    {
        using var online = fixture.AgentOnline();
        var chat = fixture.Chat();
        await chat.SayAsync("human please");
        var claimed = await fixture.Agents.ClaimAsync(HandoffFixture.Tess, (await fixture.Line.OpenForAsync(chat.Conversation, default))!, default);

        var first = await fixture.Agents.SendAsync(HandoffFixture.Tess, claimed, "Looking now.", "same", default);
        var retry = await fixture.Agents.SendAsync(HandoffFixture.Tess, claimed, "Looking now.", "same", default);

        Assert.Equal(first, retry);
        var said = (await fixture.Agents.TranscriptAsync(chat.Conversation, -1, default)).Count(s => s.Activity.Text == "Looking now.");
        Assert.Equal(1, said);
        await fixture.Agents.ResolveAsync(HandoffFixture.Tess, claimed, default);
    }

    [Fact]
    public async Task NoAgentOnline_OffersToTakeAMessage_AnEmailMakesATicket()
    {
        var chat = fixture.Chat();

        var offer = await chat.SayAsync("can I talk to a real person");
        var left = await chat.SayAsync("it's ana.lima@example.com, my parcel never came and I need it by Friday");

        Assert.Equal(("offline", "offline"), (offer.Decision.HandoffState, offer.HandoffState));
        Assert.Contains("No thanks", offer.Actions);
        Assert.Equal(TurnDecision.MessageTaken, left.Decision.Action);
        Assert.Contains("ana.lima@example.com", left.Text, StringComparison.Ordinal);
        var ticket = await fixture.Store.FindAsync(left.Decision.HandoffId!, default);
        Assert.Equal((HandoffStatus.Ticket, "ana.lima@example.com"), (ticket!.Status, ticket.Email));
        Assert.Contains("never came", ticket.LastMessage, StringComparison.Ordinal);
        Assert.Null((await fixture.Line.OpenForAsync(chat.Conversation, default)));
        Assert.Contains(await fixture.Agents.QueueForAsync(HandoffFixture.Tess, default), t => t.Id == ticket.Id);
        await fixture.Agents.ResolveAsync(HandoffFixture.Tess, ticket, default);
    }

    [Fact]
    public async Task NoAgentOnline_NoThanks_BackToTheBot()
    {
        var chat = fixture.Chat();

        await chat.SayAsync("talk to a human");
        var declined = await chat.SayAsync("No thanks");
        var next = await chat.SayAsync("do you ship to canada");

        Assert.Contains("I'm still here", declined.Text, StringComparison.Ordinal);
        Assert.Equal(TurnDecision.Answer, next.Decision.Action);
    }

    [Fact]
    public async Task AnAgentWhoDoesNotHandleTheReason_DoesNotCountAsOnline_NorSeeTheEntry()
    {
        var fraudTeam = new AgentAccount { Id = "fiona", Name = "Fiona" };
        fraudTeam.Reasons.Add(HandoffReasons.Sensitive);
        using var online = fixture.AgentOnline(fraudTeam);
        var chat = fixture.Chat();

        var offer = await chat.SayAsync("talk to a human");
        await chat.SayAsync("ana.lima@example.com please call me back");

        Assert.Equal("offline", offer.Decision.HandoffState);
        Assert.DoesNotContain(await fixture.Agents.QueueForAsync(fraudTeam, default), t => t.ConversationId == chat.Conversation);
        Assert.Contains(await fixture.Agents.QueueForAsync(HandoffFixture.Tess, default), t => t.ConversationId == chat.Conversation);
    }

    [Fact]
    public async Task QueueOrder_SensitiveEntriesAreServedBeforeOlderPlainOnes()
    {
        using var online = fixture.AgentOnline();
        var plain = fixture.Chat();
        var sensitive = fixture.Chat();

        await plain.SayAsync("talk to a human");
        var later = await sensitive.SayAsync("I want to make a complaint about your courier");

        Assert.Contains("You're next in the queue", later.Text, StringComparison.Ordinal);
        var queue = await fixture.Agents.QueueForAsync(HandoffFixture.Tess, default);
        var order = queue.Where(t => t.ConversationId == plain.Conversation || t.ConversationId == sensitive.Conversation).Select(t => t.ConversationId).ToList();
        Assert.Equal([sensitive.Conversation, plain.Conversation], order);
        await plain.SayAsync("cancel");
        await sensitive.SayAsync("cancel");
    }

    [Fact]
    public async Task WaitEstimate_ComesFromRecentClaims()
    {
        using var online = fixture.AgentOnline();
        for (var i = 0; i < 3; i++)
        {
            var waited = fixture.Chat();
            await waited.SayAsync("talk to a human");
            var claimed = await fixture.Agents.ClaimAsync(HandoffFixture.Tess, (await fixture.Line.OpenForAsync(waited.Conversation, default))!, default);
            await fixture.Agents.ResolveAsync(HandoffFixture.Tess, claimed, default);
        }

        var chat = fixture.Chat();
        var turn = await chat.SayAsync("talk to a human");

        // Three claims within a second of being queued: the honest estimate is "under a minute".
        Assert.Contains("the wait is under a minute, judging by recent chats", turn.Text, StringComparison.Ordinal);
        await chat.SayAsync("cancel");
    }

    [Fact]
    public async Task SuggestedReply_AnswersTheLatestProblem_NotTheAskForAPerson()
    {
        var assist = fixture.Host.Services.GetRequiredService<AgentAssist>();

        var suggestion = await assist.SuggestAsync(["I'd like to talk to a person please", "how long do I have to return something?", "hello"]);

        Assert.NotNull(suggestion);
        Assert.Contains("30 days", suggestion.Markdown, StringComparison.Ordinal);
        Assert.Null(await assist.SuggestAsync(["talk to a human", "thanks"]));
    }
}
