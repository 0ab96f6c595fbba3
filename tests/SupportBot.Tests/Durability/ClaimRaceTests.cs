using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Durability;

/// <summary>
/// The handoff queue on two instances over one PostgreSQL database: it survives a restart of both, ten agents (five
/// on each instance) racing for a hundred chats produce exactly one winner per chat and a 409 naming the winner for
/// every loser, and a console on one instance hears of a claim made on the other.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class ClaimRaceTests
{
    private static string[] Agents(int count) =>
    [
        "--Handoff:RequireAgentOnline", "false",
        "--Handoff:Hours:0", "Mon-Sun 00:00-24:00",
        .. Enumerable.Range(0, count).SelectMany(i => new[]
        {
            $"--Handoff:Agents:{i}:Id", $"agent{i}", $"--Handoff:Agents:{i}:Name", $"Agent {i}", $"--Handoff:Agents:{i}:ApiKey", Key(i),
        }),
    ];

    private static string Key(int agent) => $"race-test-api-key-{agent:D2}-0123456789abcdef";

    [Fact]
    public async Task TenAgentsOnTwoInstances_RaceForAHundredChats_OneWinnerEach_LosersGet409WithTheWinner()
    {
        await using var storage = await CrashRecoveryTests.Storage.CreateAsync(SupportBot.Storage.StorageProvider.Postgres);
        string[] settings = [.. storage.Settings, .. Agents(10)];
        var a = await ServerProcess.StartAsync(storage.Folder, settings);
        var b = await ServerProcess.StartAsync(storage.Folder, settings);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        // A hundred shoppers ask for a person, half through each instance.
        await Task.WhenAll(Enumerable.Range(0, 100).Select(n => AskForAPersonAsync(http, n % 2 == 0 ? a : b)));

        // Both instances go down the hard way and come back: the queue is in the database.
        await a.KillAsync();
        await b.KillAsync();
        await a.DisposeAsync();
        await b.DisposeAsync();
        await using var a2 = await ServerProcess.StartAsync(storage.Folder, settings);
        await using var b2 = await ServerProcess.StartAsync(storage.Folder, settings);
        var queued = await QueueAsync(http, a2, 0);
        Assert.Equal(100, queued.Count);

        // A console on B listens while an agent on A claims.
        using var listening = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var heard = HearClaimAsync(http, b2, 9, queued[0], open, listening.Token);
        await open.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var first = await ClaimAsync(http, a2, 0, queued[0]);
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.True(await heard.WaitAsync(TimeSpan.FromSeconds(10)), "the console on the other instance did not hear of the claim");

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(agent => Task.Run(async () =>
        {
            var mine = new List<(string Id, int Agent, Claim Result)>();
            foreach (var id in queued.OrderBy(_ => Random.Shared.Next()))
            {
                mine.Add((id, agent, await ClaimAsync(http, agent < 5 ? a2 : b2, agent, id)));
            }

            return mine;
        })));

        // Every chat has exactly one agent who got 200 for it (asking again for one's own chat is a 200 too);
        // every other attempt is a 409 that names that agent.
        var all = results.SelectMany(r => r).Append((Id: queued[0], Agent: 0, Result: first)).ToList();
        var winnerOf = all.Where(r => r.Result.Status == HttpStatusCode.OK).GroupBy(r => r.Id).ToDictionary(g => g.Key, g => Assert.Single(g.Select(w => w.Agent).Distinct()));
        Assert.Equal(queued.Order(), winnerOf.Keys.Order());
        Assert.All(all.Where(r => r.Result.Status != HttpStatusCode.OK), loss =>
        {
            Assert.Equal(HttpStatusCode.Conflict, loss.Result.Status);
            Assert.Contains($"Agent {winnerOf[loss.Id]} has already taken this conversation", loss.Result.Detail, StringComparison.Ordinal);
        });
    }

    private sealed record Claim(HttpStatusCode Status, string Detail);

    private static async Task AskForAPersonAsync(HttpClient http, ServerProcess server)
    {
        using var start = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Address, "v3/directline/conversations"));
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ServerProcess.Secret);
        using var started = await http.SendAsync(start);
        var body = await started.Content.ReadFromJsonAsync<JsonElement>();
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Address, $"v3/directline/conversations/{body.GetProperty("conversationId").GetString()}/activities"))
        {
            Content = JsonContent.Create(new { type = "message", text = "I want to talk to a person", from = new { id = "shopper" } }),
        };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("token").GetString());
        using var posted = await http.SendAsync(post);
        posted.EnsureSuccessStatusCode();
    }

    private static async Task<List<string>> QueueAsync(HttpClient http, ServerProcess server, int agent)
    {
        using var request = AsAgent(HttpMethod.Get, server, "agent/api/queue", agent);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var queue = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. queue.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("status").GetString() == "queued").Select(i => i.GetProperty("id").GetString()!)];
    }

    private static async Task<Claim> ClaimAsync(HttpClient http, ServerProcess server, int agent, string id)
    {
        using var request = AsAgent(HttpMethod.Post, server, $"agent/api/handoffs/{id}/claim", agent);
        using var response = await http.SendAsync(request);
        var detail = response.StatusCode == HttpStatusCode.OK ? "" : (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        return new Claim(response.StatusCode, detail);
    }

    /// <summary>Reads the agent console's event stream until a notice about <paramref name="id"/> being claimed arrives.</summary>
    private static async Task<bool> HearClaimAsync(HttpClient http, ServerProcess server, int agent, string id, TaskCompletionSource open, CancellationToken cancellationToken)
    {
        using var request = AsAgent(HttpMethod.Get, server, "agent/api/events", agent);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line == "event: hello")
            {
                open.TrySetResult();
            }

            if (line.StartsWith("data:", StringComparison.Ordinal) && line.Contains(id, StringComparison.Ordinal) && line.Contains("claimed", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static HttpRequestMessage AsAgent(HttpMethod method, ServerProcess server, string path, int agent)
    {
        var request = new HttpRequestMessage(method, new Uri(server.Address, path));
        request.Headers.Add("X-Api-Key", Key(agent));
        return request;
    }
}
