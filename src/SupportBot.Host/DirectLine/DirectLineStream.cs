using System.Net.WebSockets;
using System.Text;
using SupportBot.Host.Security;
using System.Threading.Channels;

namespace SupportBot.Host.DirectLine;

/// <summary>
/// The WebSocket <c>streamUrl</c>: first everything after the watermark in the URL, then each new activity set as it
/// is committed, and an empty text frame as keep-alive. Client frames (DirectLineJS pings) are read and ignored.
/// </summary>
internal static class DirectLineStream
{
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(5);

    public static async Task<IResult> AcceptAsync(string conversationId, string? t, string? watermark, HttpContext context,
        DirectLineTokens tokens, DirectLineConversations conversations, StreamKeepAlive keepAlive, CancellationToken cancellationToken)
    {
        var credential = tokens.Check(t);
        if (credential is null || !credential.Allows(conversationId))
        {
            return DirectLineApi.Error(StatusCodes.Status403Forbidden, "TokenExpired", "The stream URL's token is not valid for this conversation.");
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            return DirectLineApi.Error(StatusCodes.Status400BadRequest, "BadArgument", "The stream URL takes a WebSocket connection.");
        }

        if (!await conversations.ExistsAsync(conversationId, cancellationToken).ConfigureAwait(false))
        {
            return DirectLineApi.Error(StatusCodes.Status404NotFound, "BadArgument", $"Conversation '{conversationId}' does not exist.");
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = DrainAsync(socket, closed);

        // Subscribe before reading the backlog, so nothing committed in between is missed; the sequence filter drops repeats.
        using var subscription = conversations.Subscribe(conversationId);
        var sent = DirectLineApi.ParseWatermark(watermark);
        try
        {
            var backlog = await conversations.ReadAfterAsync(conversationId, sent, closed.Token).ConfigureAwait(false);
            sent = await SendAsync(socket, backlog, sent, closed.Token).ConfigureAwait(false);
            // One read stays pending across keep-alive beats: an idle stream costs no timer and no new task per beat.
            Task<bool>? waiting = null;
            while (!closed.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                waiting ??= subscription.Reader.WaitToReadAsync(closed.Token).AsTask();
                if (await Task.WhenAny(waiting, keepAlive.NextBeat).ConfigureAwait(false) != waiting)
                {
                    await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, true, closed.Token).ConfigureAwait(false);
                    continue;
                }

                if (!await waiting.ConfigureAwait(false))
                {
                    throw new ChannelClosedException();
                }

                waiting = null;
                while (subscription.Reader.TryRead(out var batch))
                {
                    sent = await SendAsync(socket, batch, sent, closed.Token).ConfigureAwait(false);
                }

                if (subscription.MustCatchUp())
                {
                    sent = await SendAsync(socket, await conversations.ReadAfterAsync(conversationId, sent, closed.Token).ConfigureAwait(false), sent, closed.Token).ConfigureAwait(false);
                }
            }
        }
        catch (ChannelClosedException)
        {
            // Newer streams of this conversation replaced this one (Limits:StreamsPerConversation).
            await CloseAsync(socket, WebSocketCloseStatus.PolicyViolation, "Too many streams for this conversation: a newer one replaced this one.").ConfigureAwait(false);

            // The client answers the close before the connection ends, so it reads why rather than a reset.
            await Task.WhenAny(reading, Task.Delay(CloseGrace, CancellationToken.None)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The client went away; DirectLineJS reconnects with its watermark and nothing is lost.
        }

        await closed.CancelAsync().ConfigureAwait(false);
        await reading.ConfigureAwait(false);
        return Results.Empty;
    }

    private static async Task<long> SendAsync(WebSocket socket, IReadOnlyList<Storage.StoredActivity> activities, long sent, CancellationToken cancellationToken)
    {
        var fresh = activities.Where(a => a.Sequence > sent || a.Sequence < 0).ToList();
        if (fresh.Count == 0)
        {
            return sent;
        }

        // The stream URL carries a token, never the secret: a shopper's page, which gets no decision traces.
        if (fresh.Exists(a => !DecisionTraces.IsTrace(a.Activity)))
        {
            var frame = Encoding.UTF8.GetBytes(DirectLineApi.ActivitySet(fresh, sent, withTraces: false));
            await socket.SendAsync(frame, WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
        }

        return Math.Max(sent, fresh.Max(a => a.Sequence));
    }

    private static async Task CloseAsync(WebSocket socket, WebSocketCloseStatus status, string reason)
    {
        try
        {
            using var timeout = new CancellationTokenSource(CloseGrace);
            await socket.CloseOutputAsync(status, reason, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Gone already.
        }
    }

    private static async Task DrainAsync(WebSocket socket, CancellationTokenSource closed)
    {
        var buffer = new byte[4096];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, closed.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (socket.State != WebSocketState.CloseReceived)
                    {
                        break; // the answer to our own close
                    }

                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Closing from either side ends the stream.
        }

        await closed.CancelAsync().ConfigureAwait(false);
    }
}
