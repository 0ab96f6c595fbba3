using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.BotConnector;

/// <summary>The Bot Connector flow of Azure Bot Service and the Emulator, with a recording channel on 127.0.0.1.</summary>
public sealed class BotConnectorTests
{
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

        // Development: the Emulator gets the decision trace only there (see PrivacyAttackTests).
        await using var server = await RunningServer.StartAsync("--environment", "Development");

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
        await using var server = await RunningServer.StartAsync();

        using var response = await server.Client.PostAsJsonAsync("/api/messages", Inbound(channel.Address, "hello"));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"type\":\"message\",\"text\":\"no service url\"}")]
    public async Task BadActivity_IsAProblemDetails400(string body)
    {
        await using var server = await RunningServer.StartAsync();

        using var response = await server.Client.PostAsync("/api/messages", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task WithValidation_OnlyTokensSignedByTheMetadataKeysForOurAppIdAreAccepted()
    {
        using var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa) { KeyId = "test-key" };
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(key);
        Uri? metadataBase = null;
        await using var identity = await RecordingServer.StartAsync(async (context, _) =>
        {
            if (context.Request.Path.Value!.EndsWith("keys", StringComparison.Ordinal))
            {
                await context.Response.WriteAsJsonAsync(new { keys = new[] { new { kty = "RSA", use = "sig", kid = jwk.Kid, n = jwk.N, e = jwk.E } } });
            }
            else
            {
                await context.Response.WriteAsJsonAsync(new { issuer = "https://api.botframework.com", jwks_uri = new Uri(metadataBase!, "keys").ToString() });
            }
        });
        metadataBase = identity.Address;
        await using var channel = await RecordingServer.StartAsync();
        await using var server = await RunningServer.StartAsync(
            "--BotConnector:ValidateInboundTokens", "true",
            "--BotConnector:AppId", "our-app",
            "--BotConnector:OpenIdMetadataUrl", new Uri(identity.Address, "openid").ToString());

        string Token(string audience, SecurityKey signingKey) => new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(
            "https://api.botframework.com", audience, expires: DateTime.UtcNow.AddMinutes(5),
            signingCredentials: new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256)));

        async Task<HttpStatusCode> Post(string? token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(Inbound(channel.Address, "hello")) };
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await server.Client.SendAsync(request);
            return response.StatusCode;
        }

        using var otherRsa = RSA.Create(2048);
        Assert.Equal(HttpStatusCode.OK, await Post(Token("our-app", key)));
        Assert.Equal(HttpStatusCode.Unauthorized, await Post(null));
        Assert.Equal(HttpStatusCode.Unauthorized, await Post(Token("someone-else", key)));
        Assert.Equal(HttpStatusCode.Unauthorized, await Post(Token("our-app", new RsaSecurityKey(otherRsa) { KeyId = "test-key" })));
    }
}
