using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Durability;

/// <summary>
/// Two <c>supportbot serve</c> processes on one PostgreSQL database, no sticky sessions: every request goes to the
/// other instance than the last, each conversation's WebSocket is held by the instance that did not start it, and
/// one instance is killed while conversations run.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class TwoInstanceTests
{
    private static readonly (string Text, string Expect)[] Script =
    [
        ("where is my order LP10000002", "email address"),
        ("ana.lima@example.com", "LP10000002"),
        ("how long do I have to return something?", "30 days"),
        ("I want to return something from LP10000001", "Which item"),
        ("Merino crew sweater (M)", "reason"),
        ("Too small", "To confirm"),
        ("No", ""),
    ];

    [Fact]
    public async Task FiftyConversations_AlternatingInstances_AllCompleteInOrder_AndTheStreamOnTheOtherInstanceSeesEveryTurn()
    {
        await using var storage = await CrashRecoveryTests.Storage.CreateAsync(SupportBot.Storage.StorageProvider.Postgres);
        await using var a = await ServerProcess.StartAsync(storage.Folder, storage.Settings);
        await using var b = await ServerProcess.StartAsync(storage.Folder, storage.Settings);
        ServerProcess[] instances = [a, b];
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        await Task.WhenAll(Enumerable.Range(0, 50).Select(async n =>
        {
            var chat = await Chat.StartAsync(http, instances[n % 2]);
            await using var stream = await chat.ListenAsync(instances[(n + 1) % 2]);
            for (var i = 0; i < Script.Length; i++)
            {
                var id = await chat.PostAsync(instances[(n + i) % 2], Script[i].Text, $"{n}-{i}");
                var reply = await stream.ReplyToAsync(id);
                Assert.Contains(Script[i].Expect, reply, StringComparison.Ordinal);
            }

            await AssertTranscriptAsync(http, instances[n % 2], chat, Script.Select(s => s.Text).ToList());
            Assert.Equal(0, stream.Duplicates);
        }));
    }

    [Fact]
    public async Task OneOfTwoKilledDuringAHundredConversations_TheSurvivorAnswersEveryRetry_Once()
    {
        await using var storage = await CrashRecoveryTests.Storage.CreateAsync(SupportBot.Storage.StorageProvider.Postgres);
        var a = await ServerProcess.StartAsync(storage.Folder, storage.Settings);
        await using var b = await ServerProcess.StartAsync(storage.Folder, storage.Settings);
        ServerProcess[] instances = [a, b];
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var started = 0;
        using var everyoneTalking = new SemaphoreSlim(0);

        var conversations = Enumerable.Range(0, 100).Select(async n =>
        {
            var chat = await Chat.StartAsync(http, instances[n % 2], b);
            if (Interlocked.Increment(ref started) == 100)
            {
                everyoneTalking.Release();
            }

            for (var i = 0; i < Script.Length; i++)
            {
                // A client that loses its instance sends the same activity (same client id) to the other one.
                await chat.PostWithRetryAsync(instances[(n + i) % 2], instances[(n + i + 1) % 2], Script[i].Text, $"{n}-{i}");
            }

            return chat;
        }).ToList();

        await everyoneTalking.WaitAsync(TimeSpan.FromMinutes(1));
        await a.KillAsync();
        var chats = await Task.WhenAll(conversations);

        foreach (var chat in chats)
        {
            await AssertTranscriptAsync(http, b, chat, Script.Select(s => s.Text).ToList());
        }

        // The kill landed while conversations were talking: some posts had to be sent again.
        Assert.True(chats.Sum(c => c.Retries) > 0, "no post was retried: the instance died after the conversations ended");

        await a.DisposeAsync();
    }

    /// <summary>Every message once, in the order sent, each followed by its own replies before the next message.</summary>
    private static async Task AssertTranscriptAsync(HttpClient http, ServerProcess server, Chat chat, IReadOnlyList<string> said)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Address, $"v3/directline/conversations/{chat.Conversation}/activities?watermark="));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ServerProcess.Secret);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var activities = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("activities").EnumerateArray().ToList();
        var user = activities.Where(a => a.GetProperty("from").GetProperty("role").GetString() == "user").ToList();
        Assert.Equal(said, user.Select(a => a.GetProperty("text").GetString()));
        string? asked = null;
        foreach (var activity in activities)
        {
            if (activity.GetProperty("from").GetProperty("role").GetString() == "user")
            {
                asked = activity.GetProperty("id").GetString();
            }
            else if (asked is not null)
            {
                Assert.Equal(asked, activity.GetProperty("replyToId").GetString());
            }
        }

        Assert.All(user, u => Assert.Contains(activities, r => r.TryGetProperty("replyToId", out var to) && to.GetString() == u.GetProperty("id").GetString()
            && r.GetProperty("type").GetString() == "message"));
        Assert.Equal(activities.Count, activities.Select(a => a.GetProperty("id").GetString()).Distinct().Count());
    }

    private sealed class Chat(HttpClient http, string conversation, string token)
    {
        public string Conversation => conversation;

        public int Retries { get; private set; }

        public static async Task<Chat> StartAsync(HttpClient http, ServerProcess server, ServerProcess? fallback = null)
        {
            foreach (var target in fallback is null ? [server] : new[] { server, fallback })
            {
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(target.Address, "v3/directline/conversations"))
                    {
                        Content = JsonContent.Create(new { user = new { id = "shopper-" + Guid.NewGuid().ToString("N")[..8] } }),
                    };
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ServerProcess.Secret);
                    using var response = await http.SendAsync(request);
                    response.EnsureSuccessStatusCode();
                    var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                    return new Chat(http, body.GetProperty("conversationId").GetString()!, body.GetProperty("token").GetString()!);
                }
                catch (HttpRequestException) when (target != fallback && fallback is not null)
                {
                    // The first instance is gone: the page asks the other.
                }
            }

            throw new InvalidOperationException("unreachable");
        }

        public async Task<string> PostAsync(ServerProcess server, string text, string clientId)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Address, $"v3/directline/conversations/{conversation}/activities"))
            {
                Content = JsonContent.Create(new { type = "message", text, from = new { id = "shopper" }, channelData = new { clientActivityID = clientId } }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        }

        public async Task<string> PostWithRetryAsync(ServerProcess first, ServerProcess second, string text, string clientId)
        {
            try
            {
                return await PostAsync(first, text, clientId);
            }
            catch (HttpRequestException)
            {
                Retries++;
                return await PostAsync(second, text, clientId);
            }
        }

        public async Task<Stream> ListenAsync(ServerProcess server)
        {
            var socket = new ClientWebSocket();
            var url = new UriBuilder(server.Address) { Scheme = "ws", Path = $"v3/directline/conversations/{conversation}/stream", Query = $"t={Uri.EscapeDataString(token)}" }.Uri;
            await socket.ConnectAsync(url, CancellationToken.None);
            return new Stream(socket);
        }
    }

    /// <summary>A conversation's WebSocket: the bot's messages as they arrive, by the activity they reply to.</summary>
    private sealed class Stream : IAsyncDisposable
    {
        private readonly ClientWebSocket _socket;
        private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _replies = new(StringComparer.Ordinal);
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private readonly Task _receiving;
        private int _duplicates;

        public Stream(ClientWebSocket socket)
        {
            _socket = socket;
            _receiving = ReceiveAsync();
        }

        public int Duplicates => _duplicates;

        public async Task<string> ReplyToAsync(string id) =>
            await Reply(id).Task.WaitAsync(TimeSpan.FromSeconds(20));

        public async ValueTask DisposeAsync()
        {
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }

            await _receiving;
            _socket.Dispose();
        }

        private TaskCompletionSource<string> Reply(string id) =>
            _replies.GetOrAdd(id, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));

        private Task ReceiveAsync() => DirectLineSocket.ReadUntilClosedAsync(_socket, activity =>
        {
            if (!_seen.Add(activity.GetProperty("id").GetString()!))
            {
                Interlocked.Increment(ref _duplicates);
            }

            if (activity.GetProperty("type").GetString() == "message" && activity.TryGetProperty("replyToId", out var to))
            {
                Reply(to.GetString()!).TrySetResult(activity.GetProperty("text").GetString() ?? "");
            }
        });
    }
}
