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
public sealed class BotConnectorTests
{
    internal static readonly string[] Emulator = ["--environment", "Development", "--BotConnector:ValidateInboundTokens", "false"];

    private static object Inbound(Uri serviceUrl, string text) => new
    {
        type = "message",
        id = "act-1",
        text,
        serviceUrl = serviceUrl.ToString().TrimEnd('/'),
        channelId = "emulator",
        from = new { id = "user-1", name = "Sam", role = "user" },
        recipient = new { id = "bot-1", name = "Pip", role = "bot" },
        conversation = new { id = "conv-1" },
    };

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
    public async Task ChannelRefusingTheReply_Is502()
    {
        await using var channel = await RecordingServer.StartAsync(async (context, _) => { context.Response.StatusCode = 500; await context.Response.WriteAsync("down"); });
        await using var server = await RunningServer.StartAsync(Emulator);

        using var response = await server.Client.PostAsJsonAsync("/api/messages", Inbound(channel.Address, "hello"));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
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
