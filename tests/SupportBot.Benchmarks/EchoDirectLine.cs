using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;

namespace SupportBot.Benchmarks;

/// <summary>
/// The ceiling for the load run: the same Direct Line calls on bare Kestrel, answering every message with an echo and a
/// reply over the conversation's WebSocket, with no storage, no understanding and no authentication.
/// </summary>
internal static class EchoDirectLine
{
    public static WebApplication Build()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.UseWebSockets();
        var streams = new ConcurrentDictionary<string, Channel<string>>(StringComparer.Ordinal);
        long next = 0;

        app.MapPost("/v3/directline/conversations", (HttpRequest request) =>
        {
            var id = Guid.NewGuid().ToString("N");
            streams[id] = Channel.CreateUnbounded<string>();
            return Results.Json(new { conversationId = id, token = "echo", expires_in = 1800, streamUrl = $"ws://{request.Host}/v3/directline/conversations/{id}/stream" }, statusCode: 201);
        });
        app.MapPost("/v3/directline/conversations/{id}/activities", async (string id, HttpRequest request) =>
        {
            using var posted = await JsonDocument.ParseAsync(request.Body);
            var activityId = $"{id}|{Interlocked.Increment(ref next)}";
            var text = posted.RootElement.TryGetProperty("text", out var t) ? t.GetString() : "";
            var frame = JsonSerializer.Serialize(new
            {
                activities = new object[]
                {
                    new { type = "message", id = activityId, text, from = new { id = "user", role = "user" } },
                    new { type = "message", id = activityId + "r", replyToId = activityId, text = "You said: " + text, from = new { id = "bot", role = "bot" } },
                },
                watermark = "0",
            });
            await streams[id].Writer.WriteAsync(frame);
            return Results.Json(new { id = activityId });
        });
        app.MapGet("/v3/directline/conversations/{id}/stream", async (string id, HttpContext context) =>
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var reader = streams[id].Reader;
            var closing = Drain(socket);
            while (!closing.IsCompleted && await reader.WaitToReadAsync(context.RequestAborted))
            {
                while (reader.TryRead(out var frame))
                {
                    await socket.SendAsync(System.Text.Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, context.RequestAborted);
                }
            }
        });
        return app;
    }

    private static async Task Drain(WebSocket socket)
    {
        var buffer = new byte[1024];
        try
        {
            while ((await socket.ReceiveAsync(buffer, CancellationToken.None)).MessageType != WebSocketMessageType.Close)
            {
            }

            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (WebSocketException)
        {
        }
    }
}
