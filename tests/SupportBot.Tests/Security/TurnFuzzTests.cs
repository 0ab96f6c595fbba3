using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupportBot.Tests.DirectLine;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Security;

/// <summary>
/// The turn pipeline fuzzed from outside: a seeded generator sends random and malformed activities over Direct Line
/// and <c>/api/messages</c> (wrong JSON types in every field, huge and odd Unicode text, deep nesting, missing fields,
/// arrays for objects, not JSON at all) while a shopper's ordinary conversations run alongside. No request may be a
/// 500, nothing may be logged as an unhandled exception, and the shopper is answered correctly throughout.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Security)]
public sealed class TurnFuzzTests
{
    private const string Secret = "turn-fuzz-tests-secret-0123456789abcdefghij";
    private const int Seed = 20_261_414;
    private const int MaxRequests = 400;
    private static readonly TimeSpan MaxFuzzTime = TimeSpan.FromSeconds(60);

    private static readonly string[] Fields =
    [
        "type", "id", "timestamp", "serviceUrl", "channelId", "from", "conversation", "recipient", "membersAdded", "textFormat",
        "locale", "text", "suggestedActions", "attachments", "entities", "channelData", "replyToId", "name", "value", "valueType",
    ];

    [Fact]
    public async Task RandomAndMalformedActivities_NeverFailTheServer_AndOtherConversationsAreStillAnswered()
    {
        await using var channel = await RecordingServer.StartAsync();
        // The Emulator's set-up, so that /api/messages parses and answers every body rather than refusing it unread.
        await using var server = await RunningServer.StartAsync(["--DirectLine:Secret", Secret, "--Knowledge:WatchForChanges", "false", .. BotConnector.BotConnectorTests.Emulator]);
        var logs = new CapturedLogs();
        server.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);

        await ShopperRoundsAsync(server, rounds: 4);
        using var stop = new CancellationTokenSource(MaxFuzzTime);
        var fuzzing = Task.WhenAll(FuzzAsync(server, channel.Address, new Random(Seed), MaxRequests / 2, stop.Token),
            FuzzAsync(server, channel.Address, new Random(Seed + 1), MaxRequests / 2, stop.Token));
        // A stalled shopper turn fails on the client's timeout; how fast turns are under fuzzing is for the benchmarks.
        var answeredDuring = 0;
        while (!fuzzing.IsCompleted)
        {
            answeredDuring += await ShopperRoundsAsync(server, rounds: 1);
        }

        var results = (await fuzzing).SelectMany(r => r).ToList();

        Assert.True(results.Count >= 100, $"only {results.Count} fuzz requests were sent");
        var failures = results.Where(r => r.Status >= 500).Select(r => $"{r.Status} for {r.Case}").ToList();
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        var unhandled = logs.Entries.Where(e => e.Level >= LogLevel.Error || e.Exception is not null).Select(e => $"{e.Category} {e.Event}: {e.Message} {e.Exception}").ToList();
        Assert.True(unhandled.Count == 0, string.Join('\n', unhandled));
        Assert.True(answeredDuring > 0, "no shopper turn was answered while the fuzz ran");
    }

    /// <summary>Rounds of a shopper's ordinary turns, each round in a new conversation; every answer must be right. Returns the turns answered.</summary>
    private static async Task<int> ShopperRoundsAsync(RunningServer server, int rounds)
    {
        var answered = 0;
        for (var round = 0; round < rounds; round++)
        {
            var shopper = await DirectLineClient.StartedAsync(server.Client, Secret);
            foreach (var (question, expected) in BudgetAttackTests.NormalTurns)
            {
                var id = await shopper.PostOkAsync(question);
                var (activities, _) = await shopper.PollAsync();
                var reply = activities.Single(a => a.GetProperty("type").GetString() == "message"
                    && a.TryGetProperty("replyToId", out var to) && to.GetString() == id);
                Assert.Contains(expected, reply.GetProperty("text").GetString(), StringComparison.Ordinal);
                answered++;
            }
        }

        return answered;
    }

    private static async Task<List<(string Case, int Status)>> FuzzAsync(RunningServer server, Uri channel, Random random, int count, CancellationToken stop)
    {
        // A connection of its own: the server closes one it refused a body on, and the shopper's must not be that one.
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
        var results = new List<(string, int)>();
        DirectLineClient? conversation = null;
        for (var i = 0; i < count && !stop.IsCancellationRequested; i++)
        {
            if (i % 40 == 0)
            {
                conversation = new DirectLineClient(http, Secret);
                (await conversation.StartAsync()).EnsureSuccessStatusCode();
            }

            var (name, body) = Body(random, channel);
            var toDirectLine = random.Next(3) > 0;
            using var request = new HttpRequestMessage(HttpMethod.Post,
                toDirectLine ? $"/v3/directline/conversations/{conversation!.ConversationId}/activities" : "/api/messages")
            {
                Content = new ByteArrayContent(body),
            };
            request.Content.Headers.ContentType = random.Next(10) == 0 ? new MediaTypeHeaderValue("text/plain") : new MediaTypeHeaderValue("application/json");
            if (toDirectLine)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", conversation!.Credential);
            }

            var target = $"{name} to {(toDirectLine ? "Direct Line" : "/api/messages")}";
            try
            {
                using var response = await http.SendAsync(request, CancellationToken.None);
                results.Add((target, (int)response.StatusCode));
            }
            catch (HttpRequestException ex) when (ex.InnerException is IOException)
            {
                // The server refused an oversized body and closed the connection while it was still being written.
                results.Add((target, 0));
            }
        }

        return results;
    }

    /// <summary>One fuzz body and what it is: a well-formed activity with one field spoiled, odd text, or not an activity at all.</summary>
    private static (string Name, byte[] Body) Body(Random random, Uri channel)
    {
        switch (random.Next(10))
        {
            case 0:
                return ("not JSON", RandomBytes(random));
            case 1:
                var nested = random.Next(2) == 0 ? Nest("[", "]", 5_000) : Nest("{\"a\":", "}", 5_000);
                return ("deeply nested JSON", Encoding.UTF8.GetBytes(nested));
            case 2:
                string[] shapes = ["", "{}", "[]", "null", "\"message\"", "42", "{\"type\":\"message\"}", "[{\"type\":\"message\",\"text\":\"hi\"}]", "{\"type\":\"message\",\"text\":"];
                var shape = shapes[random.Next(shapes.Length)];
                return ($"shape {shape}", Encoding.UTF8.GetBytes(shape));
            case 3:
            case 4:
                var field = Fields[random.Next(Fields.Length)];
                var (kind, value) = WrongValue(random);
                return ($"{field} as {kind}", Activity(channel, random, (field, value)));
            default:
                var (textKind, text) = OddText(random);
                return ($"text {textKind}", Activity(channel, random, ("text", text)));
        }
    }

    private static byte[] Activity(Uri channel, Random random, (string Field, string Json) spoiled)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["type"] = "\"message\"",
            ["id"] = Quote("fuzz-" + random.Next()),
            ["serviceUrl"] = Quote(channel.ToString().TrimEnd('/')),
            ["channelId"] = "\"emulator\"",
            ["from"] = "{\"id\":\"fuzzer\",\"name\":\"Fuzz\",\"role\":\"user\"}",
            ["conversation"] = $"{{\"id\":{Quote("fuzz-" + random.Next(4))}}}",
            ["recipient"] = "{\"id\":\"supportbot\",\"role\":\"bot\"}",
            ["text"] = "\"hello\"",
        };
        fields[spoiled.Field] = spoiled.Json;
        if (random.Next(5) == 0)
        {
            fields.Remove(Fields[random.Next(Fields.Length)]);
        }

        return Encoding.UTF8.GetBytes("{" + string.Join(',', fields.Select(f => $"{Quote(f.Key)}:{f.Value}")) + "}");
    }

    private static (string Kind, string Json) WrongValue(Random random) => random.Next(9) switch
    {
        0 => ("number", "12345.678e9"),
        1 => ("boolean", "true"),
        2 => ("null", "null"),
        3 => ("array", "[1,\"two\",{\"three\":3},[]]"),
        4 => ("object", "{\"id\":{\"id\":[null]},\"name\":42}"),
        5 => ("odd string", OddText(random).Json),
        6 => ("nested arrays", Nest("[", "]", 200)),
        7 => ("huge string", Quote(new string('x', 200 * 1024))),
        _ => ("string", "\"2026-13-45T99:99:99Z\""),
    };

    private static (string Kind, string Json) OddText(Random random) => random.Next(12) switch
    {
        11 => ("over the activity budget", Quote(new string('y', 300 * 1024))),
        0 => ("lone surrogates", Quote("where is \uD800 my \uDC00 order \uDBFF")),
        1 => ("RTL marks", Quote("\u202Ewhere is my order\u202C \u200F\u061C return \u2067policy\u2069")),
        2 => ("zero-width", Quote("re\u200Bturn\u200C\u200D po\uFEFFlicy" + string.Concat(Enumerable.Repeat("\u200B", 5_000)))),
        3 => ("combining marks", Quote("refund" + string.Concat(Enumerable.Repeat("\u0301\u0308\u0327", 3_000)))),
        4 => ("NUL", Quote("track\0 my\0\0 order LP\u000020481736")),
        5 => ("emoji", Quote(string.Concat(Enumerable.Repeat("📦🚚💸👩‍👩‍👧‍👦🏳️‍🌈 ", 2_000)))),
        6 => ("100 KB of one word", Quote(string.Concat(Enumerable.Repeat("refund", 100 * 1024 / 6)))),
        7 => ("random words", Quote(string.Join(' ', Enumerable.Range(0, 20_000).Select(_ => RandomWord(random))))),
        8 => ("digits and cues", Quote(string.Concat(Enumerable.Repeat("zip 10001 tracking 123456789012 order 20481736 $12.50 nov 3 ", 1_500)))),
        9 => ("control characters", Quote(new string([.. Enumerable.Range(0, 4_000).Select(_ => (char)random.Next(0, 32))]))),
        _ => ("random UTF-16", Quote(new string([.. Enumerable.Range(0, 4_000).Select(_ => (char)random.Next(0, 0x10000))]))),
    };

    /// <summary>A JSON string literal with every character outside printable ASCII escaped, lone surrogates included.</summary>
    private static string Quote(string text)
    {
        var json = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            if (c is '"' or '\\' || c < 0x20 || c > 0x7E)
            {
                json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                json.Append(c);
            }
        }

        return json.Append('"').ToString();
    }

    private static string Nest(string open, string close, int depth) =>
        string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));

    private static string RandomWord(Random random) =>
        new([.. Enumerable.Range(0, random.Next(3, 10)).Select(_ => (char)('a' + random.Next(26)))]);

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(1, 4_096)];
        random.NextBytes(bytes);
        return bytes;
    }
}
