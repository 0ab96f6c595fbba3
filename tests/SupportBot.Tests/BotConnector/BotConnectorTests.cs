using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.BotConnector;

/// <summary>
/// The Bot Connector flow of the Emulator, with a recording channel on 127.0.0.1: Development with inbound validation
/// off is the only mode in which the bot posts to a loopback address (see Security/BotConnectorAttackTests for the rest).
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class BotConnectorTests
{
    internal static readonly string[] Emulator = ["--environment", "Development", "--BotConnector:ValidateInboundTokens", "false"];

    private static object Inbound(Uri serviceUrl, string text, string conversation = "conv-1", string id = "act-1") =>
        Activities.PostedByChannel(serviceUrl.ToString().TrimEnd('/'), conversation, text, id);

    [Fact]
    public async Task Message_RepliesGoToTheServiceUrl()
    {
        await using var channel = await RecordingServer.StartAsync();
        await using var server = await RunningServer.StartAsync(Emulator);

        using var response = await server.Client.PostAsJsonAsync("/api/messages", Inbound(channel.Address, "do you ship to canada"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = channel.Requests.Select(r => (r.Path, Activity: JsonDocument.Parse(r.Body).RootElement)).ToList();
        var message = Assert.Single(replies, r => r.Activity.GetProperty("type").GetString() == "message");
        Assert.Equal("/v3/conversations/conv-1/activities/act-1", message.Path);
        Assert.Equal("act-1", message.Activity.GetProperty("replyToId").GetString());
        Assert.Equal("conv-1", message.Activity.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Contains("Canad", message.Activity.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains(replies, r => r.Activity.GetProperty("type").GetString() == "trace");
        Assert.All(channel.Requests, r => Assert.Empty(r.Authorization));
    }

    [Fact]
    public async Task ChannelRefusingTheReply_Is502_AndTheReplyIsNotSentTwice()
    {
        await using var channel = await RecordingServer.StartAsync(async (context, _) => { context.Response.StatusCode = 500; await context.Response.WriteAsync("down"); });
        await using var server = await RunningServer.StartAsync(Emulator);

        using var response = await server.Client.PostAsJsonAsync("/api/messages", Inbound(channel.Address, "hello"));

        // A 500 may come after the channel showed the reply: sending it again could show it twice.
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Single(channel.Requests);
    }

    [Fact]
    public async Task AChannelThatSaysTooManyRequests_GetsTheReplyAgain_AfterItsRetryAfter()
    {
        var calls = 0;
        await using var channel = await RecordingServer.StartAsync(async (context, _) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "0";
                return;
            }

            await context.Response.WriteAsJsonAsync(new { id = "1" });
        });
        await using var server = await RunningServer.StartAsync(Emulator);

        using var response = await server.Client.PostAsJsonAsync("/api/messages", Inbound(channel.Address, "do you ship to canada", "conv-429"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var requests = channel.Requests.ToList();
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.True(requests.Exists(r => r.Body.Contains("Canad", StringComparison.Ordinal)), string.Join("\n", requests.Select(r => r.Body)));
    }

    [Fact]
    public async Task AChannelThatGoesDown_MidConversation_IsA502ProblemDetails_AndTheNextTurnWorksWhenItIsBack()
    {
        await using var server = await RunningServer.StartAsync(Emulator);
        Uri gone;
        await using (var channel = await RecordingServer.StartAsync())
        {
            using var first = await server.Client.PostAsJsonAsync("/api/messages", Inbound(channel.Address, "hello", "conv-down", "act-1"));
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            gone = channel.Address;
        }

        using var whileDown = await server.Client.PostAsJsonAsync("/api/messages", Inbound(gone, "how long do refunds take", "conv-down", "act-2"));
        await using var back = await RecordingServer.StartAsync();
        using var afterwards = await server.Client.PostAsJsonAsync("/api/messages", Inbound(back.Address, "do you ship to canada", "conv-down", "act-3"));

        Assert.Equal(HttpStatusCode.BadGateway, whileDown.StatusCode);
        Assert.Equal("application/problem+json", whileDown.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("Exception", await whileDown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
        Assert.Contains(back.Requests, r => r.Body.Contains("Canad", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"type\":\"message\",\"text\":\"no service url\"}")]
    public async Task BadActivity_IsAProblemDetails400(string body)
    {
        await using var server = await RunningServer.StartAsync(Emulator);

        using var response = await server.Client.PostAsync("/api/messages", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
