using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace SupportBot.Tests.DirectLine;

/// <summary>A minimal Direct Line client over HttpClient, doing what DirectLineJS does on the wire.</summary>
internal sealed class DirectLineClient(HttpClient http, string credential)
{
    public string Credential { get; private set; } = credential;

    public string? ConversationId { get; set; }

    public string? StreamUrl { get; private set; }

    /// <summary>A client that has started its conversation (a new one with the secret, the token's own with a token).</summary>
    public static async Task<DirectLineClient> StartedAsync(HttpClient http, string credential, string userId = "u1")
    {
        var client = new DirectLineClient(http, credential);
        using var started = await client.StartAsync(userId);
        started.EnsureSuccessStatusCode();
        return client;
    }

    public async Task<HttpResponseMessage> StartAsync(string userId = "u1")
    {
        var response = await SendAsync(HttpMethod.Post, "/v3/directline/conversations", new { user = new { id = userId } });
        if (response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            ConversationId = body.GetProperty("conversationId").GetString();
            Credential = body.GetProperty("token").GetString()!;
            StreamUrl = body.GetProperty("streamUrl").GetString();
        }

        return response;
    }

    public Task<HttpResponseMessage> PostAsync(string text, string? clientId = null, string userId = "u1") =>
        SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{ConversationId}/activities", new
        {
            type = "message",
            text,
            from = new { id = userId, name = "Sam", role = "user" },
            channelData = new { clientActivityID = clientId ?? Guid.NewGuid().ToString("N") },
        });

    public async Task<string> PostOkAsync(string text, string? clientId = null)
    {
        using var response = await PostAsync(text, clientId);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public async Task<(List<JsonElement> Activities, string? Watermark)> PollAsync(string? watermark = "")
    {
        using var response = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{ConversationId}/activities?watermark={watermark}");
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var mark = body.TryGetProperty("watermark", out var w) && w.ValueKind == JsonValueKind.String ? w.GetString() : null;
        return (body.GetProperty("activities").EnumerateArray().ToList(), mark);
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? credential = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential ?? Credential);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return http.SendAsync(request);
    }
}
