using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using SupportBot.Conversation;
using SupportBot.Orders;
using SupportBot.Schema;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Orders;

/// <summary>Returns, cancellation, address change, interruptions and concurrency through the engine, against the demo store.</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class ReturnAndCancelFlowTests(OrderFlowFixture fixture) : IClassFixture<OrderFlowFixture>
{
    private EngineChat Chat() => new(fixture.Host.Engine);

    [Fact]
    public async Task Return_ChoosesAnItemAndAReason_CreatesAnRma_AndItsStatusIsThere()
    {
        var chat = Chat();
        var start = await chat.SayAsync("I want to return something");
        Assert.Equal((OrderFlow.Return, OrderDialog.NeedNumber), (start.Decision.Flow, start.Decision.Step));
        await chat.SayAsync("LP10000001");

        var stepUp = await chat.SayAsync("97205");
        Assert.Equal(OrderDialog.NeedEmail, stepUp.Decision.Step);
        var items = await chat.SayAsync("ana.lima@example.com");
        Assert.Equal(OrderDialog.ChooseItems, items.Decision.Step);
        Assert.Equal(["Merino crew sweater (M)", "Linen sheet set (Queen)", "All of them"], items.Actions);
        Assert.Contains("Swim top (S): final sale", items.Text, StringComparison.Ordinal);

        var reason = await chat.SayAsync("Merino crew sweater (M)");
        Assert.Equal(OrderDialog.ChooseReason, reason.Decision.Step);
        var confirm = await chat.SayAsync("Too small");
        Assert.Contains("return **Merino crew sweater (M)** from order **LP10000001** (too small)", confirm.Text, StringComparison.Ordinal);

        var created = await chat.SayAsync("Yes, create the return");
        Assert.Matches(@"Your return number is \*\*RMA-\d{6}\*\*", created.Text);
        Assert.Contains("/returns/label/RMA-", created.Text, StringComparison.Ordinal);
        Assert.Contains("any UPS Store", created.Text, StringComparison.Ordinal);
        Assert.Null(created.Decision.Flow);

        var status = await chat.SayAsync("where is my refund?");
        var rma = System.Text.RegularExpressions.Regex.Match(created.Text, @"RMA-\d{6}").Value;
        Assert.Contains($"**{rma}** (Merino crew sweater): waiting for you to send it back", status.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllFinalSale_AndOutsideTheWindow_AreExplainedNotOffered()
    {
        var finalSale = await Chat().SayAsync("return items from LP10000012 jonas.weber@example.com");
        Assert.Contains("nothing on order **LP10000012** can be returned", finalSale.Text, StringComparison.Ordinal);
        Assert.Contains("final sale", finalSale.Text, StringComparison.Ordinal);

        var late = await Chat().SayAsync("I want to return LP10000003, email ana.lima@example.com");
        Assert.Contains("more than 30 days since delivery", late.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlreadyRefunded_ReturnStatusSaysHowMuchAndWhere()
    {
        var status = await Chat().SayAsync("where is my refund for LP10000010? hugo.silva@example.com");

        Assert.Contains("**RMA-100010**", status.Text, StringComparison.Ordinal);
        Assert.Contains("refunded: $59.00", status.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelAfterShipping_IsRefusedWithTheAlternative()
    {
        var reply = await Chat().SayAsync("please cancel order LP10000002, my email is ana.lima@example.com");

        Assert.Contains("has already shipped, so it can't be cancelled", reply.Text, StringComparison.Ordinal);
        Assert.Null(reply.Decision.Flow);
    }

    [Fact]
    public async Task ProcessingOrder_CannotBeCancelled_ButCanBeReaddressed()
    {
        var chat = Chat();
        var stepUp = await chat.SayAsync("cancel my order LP10000007 zip 94110");
        Assert.Equal(OrderDialog.NeedEmail, stepUp.Decision.Step);
        var cancel = await chat.SayAsync("emma.rossi@example.com");
        Assert.Contains("can't be cancelled any more", cancel.Text, StringComparison.Ordinal);

        var ask = await chat.SayAsync("Change the delivery address");
        Assert.Equal(OrderDialog.NeedAddress, ask.Decision.Step);
        Assert.Contains("3150 Harrison St", ask.Text, StringComparison.Ordinal);
        var confirm = await chat.SayAsync("500 Market St, Apt 4, San Francisco, CA 94105");
        Assert.Contains("**500 Market St, Apt 4, San Francisco, CA 94105**", confirm.Text, StringComparison.Ordinal);
        var done = await chat.SayAsync("yes");

        Assert.Contains("will go to 500 Market St, Apt 4, San Francisco, CA 94105", done.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InterruptionWithAnFaqQuestion_IsAnswered_ThenTheFlowResumes()
    {
        var chat = Chat();
        await chat.SayAsync("I want to return something");
        await chat.SayAsync("LP10000001");

        var faq = await chat.SayAsync("do you ship to Canada?");
        Assert.Equal(TurnDecision.Answer, faq.Decision.Action);
        Assert.Equal((OrderFlow.Return, OrderDialog.NeedProof), (faq.Decision.Flow, faq.Decision.Step));
        Assert.EndsWith("Now, back to where we were: " + "To keep your order details private, what's the **email address** or the **ZIP/postal code** on the order?", faq.Text, StringComparison.Ordinal);

        var resumed = await chat.SayAsync("ana.lima@example.com");
        Assert.Equal(OrderDialog.ChooseItems, resumed.Decision.Step);
    }

    [Fact]
    public async Task StartOver_RestartsTheFlow_NeverMindLeavesIt_AndAskingForAPerson_HandsOffWithTheSlots()
    {
        var chat = Chat();
        await chat.SayAsync("I want to return something from LP10000001");
        var again = await chat.SayAsync("start over");
        Assert.Equal((OrderFlow.Return, OrderDialog.NeedNumber), (again.Decision.Flow, again.Decision.Step));
        Assert.StartsWith("OK, let's start again.", again.Text, StringComparison.Ordinal);

        var left = await chat.SayAsync("actually never mind, i'll just keep it");
        Assert.Equal(TurnDecision.FlowExit, left.Decision.Action);
        Assert.Null(left.Decision.Flow);
        Assert.DoesNotContain("Which item", left.Text, StringComparison.Ordinal);

        await chat.SayAsync("where is my order");
        await chat.SayAsync("LP10000004");
        var human = await chat.SayAsync("I want to talk to a human");

        Assert.Equal("requested", human.Decision.Handoff);
        Assert.Equal("LP10000004", human.Decision.Slots!["order_number"]);
        Assert.Equal("no", human.Decision.Slots["verified"]);
        Assert.Equal(OrderFlow.Status, human.Decision.Slots["flow"]);
    }

    [Fact]
    public async Task ConcurrentConversations_CancellingTheSameOrder_OnlyOneSucceeds()
    {
        var chats = Enumerable.Range(0, 5).Select(_ => Chat()).ToList();
        foreach (var chat in chats)
        {
            var confirm = await chat.SayAsync("cancel order LP10000006 dev.patel@example.com");
            Assert.Equal(OrderDialog.Confirm, confirm.Decision.Step);
        }

        var answers = await Task.WhenAll(chats.Select(c => c.SayAsync("Yes, cancel it")));

        Assert.Single(answers, a => a.Text.StartsWith("Done: order **LP10000006** is cancelled", StringComparison.Ordinal));
        Assert.Equal(4, answers.Count(a => a.Text.Contains("already cancelled", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task KernelFunctions_EnforceTheSameVerification()
    {
        var kernel = fixture.Host.Services.GetRequiredService<Kernel>();
        var session = new OrderSession();
        kernel.Data[OrdersPlugin.SessionKey] = session;

        var before = (OrderResult)(await kernel.InvokeAsync(OrdersPlugin.PluginName, "status", new KernelArguments { ["orderNumber"] = "LP10000002" })).GetValue<object>()!;
        var wrong = (OrderResult)(await kernel.InvokeAsync(OrdersPlugin.PluginName, "verify",
            new KernelArguments { ["orderNumber"] = "LP10000002", ["emailOrPostalCode"] = "someone@example.com" })).GetValue<object>()!;
        var right = (OrderResult)(await kernel.InvokeAsync(OrdersPlugin.PluginName, "verify",
            new KernelArguments { ["orderNumber"] = "LP10000002", ["emailOrPostalCode"] = "97205" })).GetValue<object>()!;
        var after = (OrderResult)(await kernel.InvokeAsync(OrdersPlugin.PluginName, "status", new KernelArguments { ["orderNumber"] = "LP10000002" })).GetValue<object>()!;
        var othersOrder = (OrderResult)(await kernel.InvokeAsync(OrdersPlugin.PluginName, "cancel", new KernelArguments { ["orderNumber"] = "LP10000007" })).GetValue<object>()!;

        Assert.Equal(("not_verified", null), (before.ErrorCode, before.Order));
        Assert.Equal("mismatch", wrong.ErrorCode);
        Assert.Equal("LP10000002", right.Order!.Number);
        Assert.Equal("UPS", after.Order!.Shipment!.Carrier);
        Assert.Equal("not_verified", othersOrder.ErrorCode);
    }
}
