using System.Text.Json;
using SupportBot.Storage;
using SupportBot.Tests.DirectLine;
using SupportBot.Tests.Storage;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Durability;

/// <summary>
/// The server is killed (SIGKILL) in the middle of a flow and started again on the same data folder: the shopper's
/// next message, on the same conversation and token, carries on at the same step, and a message retried with the
/// same client activity id is answered once. On SQLite and on PostgreSQL.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class CrashRecoveryTests : OnBothProviders
{
    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task KilledDuringOrderStatusVerification_TheEmailAfterTheRestartShowsTheOrder(StorageProvider provider)
    {
        await using var storage = await Storage.CreateAsync(provider);
        var first = await ServerProcess.StartAsync(storage.Folder, storage.Settings);
        var (chat, _) = await StartAsync(first);
        var asked = await SayAsync(first, chat, "where is my order LP10000002", "status-1");
        Assert.Contains("email address", asked.Text, StringComparison.Ordinal);
        await first.KillAsync();

        await using var second = await ServerProcess.StartAsync(storage.Folder, storage.Settings);
        var shown = await SayAsync(second, chat, "ana.lima@example.com", "status-2");

        Assert.True(shown.Verified, shown.Text);
        Assert.Contains("LP10000002", shown.Text, StringComparison.Ordinal);
        Assert.Contains("UPS", shown.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    internal async Task KilledInTheMiddleOfAReturn_TheReasonAfterTheRestartIsTakenAtTheSameStep_AndARetryIsAnsweredOnce(StorageProvider provider)
    {
        await using var storage = await Storage.CreateAsync(provider);
        var first = await ServerProcess.StartAsync(storage.Folder, storage.Settings);
        var (chat, _) = await StartAsync(first);
        await SayAsync(first, chat, "I want to return something from LP10000001", "return-1");
        await SayAsync(first, chat, "ana.lima@example.com", "return-2");
        var reason = await SayAsync(first, chat, "Merino crew sweater (M)", "return-3");
        Assert.Equal("choose_reason", reason.Step);
        await first.KillAsync();

        await using var second = await ServerProcess.StartAsync(storage.Folder, storage.Settings);
        var confirm = await SayAsync(second, chat, "Too big", "return-4");
        Assert.Equal(("start_return", "confirm"), (confirm.Flow, confirm.Step));
        Assert.Contains("Merino crew sweater (M)", confirm.Text, StringComparison.Ordinal);

        // The client did not hear back and sends the same activity again: the same post, not a second turn.
        var again = await PostAsync(second, chat, "Too big", "return-4");
        Assert.Equal(confirm.PostId, again);
        var transcript = await ReadAllAsync(second, chat);
        Assert.Single(transcript, a => a.GetProperty("from").GetProperty("role").GetString() == "user" && a.GetProperty("text").GetString() == "Too big");

        var done = await SayAsync(second, chat, "Yes, create the return", "return-5");
        Assert.Matches(@"RMA-\d{6}", done.Text);
    }

    /// <summary>Where a server keeps its data: a data folder, and on PostgreSQL a fresh database of its own.</summary>
    internal sealed class Storage : IAsyncDisposable
    {
        private readonly TempFolder _folder = TempFolder.Create();
        private ScratchPostgres? _postgres;

        public string Folder => _folder.Path;

        public string[] Settings => _postgres?.Settings ?? [];

        public static async Task<Storage> CreateAsync(StorageProvider provider)
        {
            var storage = new Storage();
            if (provider == StorageProvider.Postgres)
            {
                storage._postgres = await ScratchPostgres.CreateAsync();
            }

            return storage;
        }

        public async ValueTask DisposeAsync()
        {
            if (_postgres is not null)
            {
                await _postgres.DisposeAsync();
            }

            _folder.Dispose();
        }
    }

    private sealed record Said(string PostId, string Text, string? Flow, string? Step, bool Verified);

    private static async Task<(DirectLineClient Chat, string Token)> StartAsync(ServerProcess server)
    {
        using var http = server.Client();
        var chat = new DirectLineClient(http, ServerProcess.Secret);
        using var started = await chat.StartAsync("shopper-1");
        started.EnsureSuccessStatusCode();
        return (chat, chat.Credential);
    }

    private static async Task<string> PostAsync(ServerProcess server, DirectLineClient chat, string text, string clientId)
    {
        using var http = server.Client();
        var client = new DirectLineClient(http, chat.Credential) { ConversationId = chat.ConversationId };
        return await client.PostOkAsync(text, clientId);
    }

    /// <summary>Posts with the page's token, then reads the reply and its decision trace with the secret (as evaluation does).</summary>
    private static async Task<Said> SayAsync(ServerProcess server, DirectLineClient chat, string text, string clientId)
    {
        var id = await PostAsync(server, chat, text, clientId);
        var all = await ReadAllAsync(server, chat);
        var replies = all.Where(a => a.TryGetProperty("replyToId", out var r) && r.GetString() == id).ToList();
        var message = replies.Single(a => a.GetProperty("type").GetString() == "message");
        var trace = replies.Single(a => a.GetProperty("type").GetString() == "trace").GetProperty("value");
        string? Field(string name) => trace.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return new Said(id, message.GetProperty("text").GetString()!, Field("flow"), Field("step"),
            trace.TryGetProperty("verified", out var verified) && verified.GetBoolean());
    }

    private static async Task<List<JsonElement>> ReadAllAsync(ServerProcess server, DirectLineClient chat)
    {
        using var http = server.Client();
        var reader = new DirectLineClient(http, ServerProcess.Secret) { ConversationId = chat.ConversationId };
        return (await reader.PollAsync()).Activities;
    }
}
