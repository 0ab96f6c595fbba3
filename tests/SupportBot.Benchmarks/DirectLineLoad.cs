using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using SupportBot.Evaluation;
using SupportBot.Host.Server;
using SupportBot.Tests.Support;

namespace SupportBot.Benchmarks;

/// <summary>
/// End-to-end load over Direct Line on 127.0.0.1: N conversations, each posting a shopper's question, waiting for
/// the bot's reply on its WebSocket, and posting the next, for a fixed time. The same run measures a bare Kestrel
/// Direct Line that only echoes (the ceiling), so the ratio survives a noisy machine. Counts errors and lost or
/// duplicated messages. With several instances (PostgreSQL only) every post goes to the next instance in turn and
/// each conversation's stream is held by another one than the one that started it: no stickiness anywhere.
/// </summary>
internal static class DirectLineLoad
{
    /// <summary>The Direct Line secret of the bots the run starts; a bot started apart (<c>--server</c>) must be given it too.</summary>
    public const string Secret = "load-secret-0123456789-abcdef-0123456789";

    /// <summary>
    /// How one run is set up: its size, where state lives, whether the packaged model reads each message, and
    /// optionally a bot already running in its own process (so its memory can be read apart from the generator's).
    /// </summary>
    public sealed record Settings(int Conversations, int Seconds, int Instances = 1, string? Postgres = null, bool Embeddings = false, int ThinkMilliseconds = 20,
        Uri? Server = null);

    public static async Task RunAsync(TextWriter output, Settings run)
    {
        var (conversations, seconds, instances, postgres) = (run.Conversations, run.Seconds, run.Instances, run.Postgres);
        var storage = postgres is null ? "SQLite" : "PostgreSQL";
        var messages = LoadMessages.Load();
        output.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; {conversations} conversations for {seconds} s each, "
            + $"{run.ThinkMilliseconds} ms think time, {messages.Length} distinct messages; {storage}, {instances} instance(s); embeddings {(run.Embeddings ? "Local (packaged model)" : "None (lexical only)")}");
        var data = Path.Combine(Path.GetTempPath(), "supportbot-load-" + Environment.ProcessId);
        string[] settings =
        [
            "--urls", "http://127.0.0.1:0", "--DirectLine:Secret", Secret, "--Logging:LogLevel:Default", "Warning", "--Knowledge:WatchForChanges", "false",

            // One loopback client drives every conversation: the per-client budgets are off so the pipeline is measured, not the limiter.
            "--Limits:MessagesPerMinutePerConversation", "0", "--Limits:MessagesPerMinutePerClient", "0", "--Limits:HandoffsPerHourPerClient", "0",
            "--Embeddings:Provider", run.Embeddings ? "Local" : "None",
            .. postgres is null ? Array.Empty<string>() : ["--Storage:Provider", "Postgres", "--Storage:ConnectionString", postgres],
        ];
        if (run.Server is not null)
        {
            Report(output, "supportbot", await DriveAsync([run.Server], run, messages));
            await StageTable.WriteAsync(output, run.Server);
            return;
        }

        var bots = new List<WebApplication>();
        try
        {
            for (var i = 0; i < instances; i++)
            {
                // Each instance its own data folder (models, keys on SQLite); on PostgreSQL they share the database.
                var bot = ServerApp.Build([.. settings, "--Storage:DataPath", $"{data}-{i}"], BenchmarkData.Root);
                await bot.StartAsync();
                bots.Add(bot);
            }

            Report(output, $"supportbot", await DriveAsync([.. bots.Select(b => new Uri(b.Urls.First()))], run, messages));
            await StageTable.WriteAsync(output, new Uri(bots[0].Urls.First()));
        }
        finally
        {
            foreach (var bot in bots)
            {
                await bot.StopAsync();
                await bot.DisposeAsync();
            }
        }

        await using var echo = EchoDirectLine.Build();
        await echo.StartAsync();
        Report(output, "bare echo", await DriveAsync([new Uri(echo.Urls.First())], run, messages));
        await echo.StopAsync();
        for (var i = 0; i < instances; i++)
        {
            Directory.Delete($"{data}-{i}", recursive: true);
        }
    }

    private static void Report(TextWriter output, string name, Result r) => output.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-10}  turns {r.Turns,7}  {r.Turns / r.Seconds,8:0} turns/s  p50 {r.Latency.Percentile(0.5),7:0.00} ms  p99 {r.Latency.Percentile(0.99),7:0.00} ms  errors {r.Errors}  lost {r.Lost}  duplicated {r.Duplicated}"));

    private sealed record Result(int Turns, double Seconds, Latencies Latency, int Errors, int Lost, int Duplicated);

    private static async Task<Result> DriveAsync(Uri[] servers, Settings run, string[] messages)
    {
        var (conversations, seconds) = (run.Conversations, run.Seconds);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1000 }) { Timeout = TimeSpan.FromSeconds(30) };
        var latency = new Latencies();
        var gate = new object();
        int turns = 0, errors = 0, lost = 0, duplicated = 0;
        var clock = Stopwatch.StartNew();
        var end = TimeSpan.FromSeconds(seconds);

        await Task.WhenAll(Enumerable.Range(0, conversations).Select(async n =>
        {
            try
            {
                Uri On(int i, string path) => new(servers[i % servers.Length], path);
                using var start = new HttpRequestMessage(HttpMethod.Post, On(n, "/v3/directline/conversations")) { Content = JsonContent.Create(new { user = new { id = $"u{n}" } }) };
                start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
                using var started = await http.SendAsync(start);
                var body = await started.Content.ReadFromJsonAsync<JsonElement>();
                var conversation = body.GetProperty("conversationId").GetString()!;
                var token = body.GetProperty("token").GetString()!;
                using var socket = new ClientWebSocket();
                var stream = new UriBuilder(body.GetProperty("streamUrl").GetString()!) { Port = servers[(n + 1) % servers.Length].Port }.Uri;
                await socket.ConnectAsync(stream, CancellationToken.None);
                var seen = new HashSet<string>(StringComparer.Ordinal);
                var replies = new ConcurrentDictionary<string, TaskCompletionSource>(StringComparer.Ordinal);
                var receiving = ReceiveAsync(socket, seen, replies, () => Interlocked.Increment(ref duplicated));
                for (var i = 0; clock.Elapsed < end; i++)
                {
                    if (i > 0 && run.ThinkMilliseconds > 0)
                    {
                        // A shopper reads the reply before typing again; without it the run measures a flood, not shoppers.
                        await Task.Delay(run.ThinkMilliseconds);
                    }

                    var began = Stopwatch.GetTimestamp();
                    using var post = new HttpRequestMessage(HttpMethod.Post, On(n + i, $"/v3/directline/conversations/{conversation}/activities"))
                    {
                        Content = JsonContent.Create(new { type = "message", text = messages[((n * 7919) + i) % messages.Length], from = new { id = $"u{n}" }, channelData = new { clientActivityID = $"{n}-{i}" } }),
                    };
                    post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    using var posted = await http.SendAsync(post);
                    if (!posted.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                        continue;
                    }

                    var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
                    var reply = replies.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                    if (await Task.WhenAny(reply.Task, Task.Delay(TimeSpan.FromSeconds(10))) != reply.Task)
                    {
                        Interlocked.Increment(ref lost);
                        continue;
                    }

                    lock (gate)
                    {
                        latency.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
                        turns++;
                    }
                }

                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                await receiving;
            }
            catch (Exception ex) when (ex is HttpRequestException or WebSocketException or JsonException or TaskCanceledException or KeyNotFoundException)
            {
                Interlocked.Increment(ref errors);
            }
        }));

        return new Result(turns, Math.Max(clock.Elapsed.TotalSeconds, seconds), latency, errors, lost, duplicated);
    }

    private static Task ReceiveAsync(ClientWebSocket socket, HashSet<string> seen, ConcurrentDictionary<string, TaskCompletionSource> replies, Action duplicate) =>
        DirectLineSocket.ReadUntilClosedAsync(socket, activity =>
        {
            if (!seen.Add(activity.GetProperty("id").GetString()!))
            {
                duplicate();
            }

            if (activity.GetProperty("type").GetString() == "message" && activity.TryGetProperty("replyToId", out var replyTo))
            {
                replies.GetOrAdd(replyTo.GetString()!, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            }
        });
}
