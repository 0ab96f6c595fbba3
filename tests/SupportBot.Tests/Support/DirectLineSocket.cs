using System.Net.WebSockets;
using System.Text.Json;

namespace SupportBot.Tests.Support;

/// <summary>
/// A Direct Line stream read as DirectLineJS reads it: whole messages, each an activity set, the empty keep-alive
/// frames skipped. Shared by the tests and the load generator (linked into SupportBot.Benchmarks).
/// </summary>
internal static class DirectLineSocket
{
    /// <summary>The activities of the next set the server sends, or null once it closes the stream.</summary>
    public static async Task<IReadOnlyList<JsonElement>?> NextSetAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (!result.EndOfMessage || message.Length == 0)
            {
                continue;
            }

            using var set = JsonDocument.Parse(message.ToArray());
            return set.RootElement.GetProperty("activities").EnumerateArray().Select(activity => activity.Clone()).ToList();
        }
    }

    /// <summary>The activities of the next set, for a test that expects the stream to stay open.</summary>
    public static async Task<List<JsonElement>> ReceiveActivitiesAsync(ClientWebSocket socket, CancellationToken cancellationToken) =>
        [.. await NextSetAsync(socket, cancellationToken) ?? throw new WebSocketException("The server closed the stream.")];

    /// <summary>Every activity, in order, until the stream is closed or the server goes away; for a reader running beside the test.</summary>
    public static async Task ReadUntilClosedAsync(ClientWebSocket socket, Action<JsonElement> onActivity)
    {
        try
        {
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent && await NextSetAsync(socket, CancellationToken.None) is { } set)
            {
                foreach (var activity in set)
                {
                    onActivity(activity);
                }
            }
        }
        catch (WebSocketException)
        {
            // The server went away at the end.
        }
    }
}
