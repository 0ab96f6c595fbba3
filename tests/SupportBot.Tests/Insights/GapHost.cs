using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using SupportBot.Conversation;
using SupportBot.Host.Server;
using SupportBot.Insights.Gaps;
using SupportBot.Knowledge;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Insights;

/// <summary>
/// The product's services on the shipped knowledge with a SQLite file in <paramref name="dataPath"/> and a fake clock,
/// so that transcripts are written through the engine on chosen days and the gap report reads them back.
/// </summary>
internal sealed class GapHost : IAsyncDisposable
{
    private readonly IHost _host;

    private GapHost(IHost host, FakeTimeProvider clock) => (_host, Clock) = (host, clock);

    /// <summary>A Monday morning in November: the support team is in, so handoffs are queued rather than offered as e-mail.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 14, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; }

    public ConversationTurns Engine => _host.Services.GetRequiredService<ConversationTurns>();

    public GapReportBuilder Gaps => _host.Services.GetRequiredService<GapReportBuilder>();

    public LiveKnowledge Knowledge => _host.Services.GetRequiredService<LiveKnowledge>();

    public static async Task<GapHost> StartAsync(string dataPath)
    {
        var clock = new FakeTimeProvider(Start);
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = RepoPaths.Root,
            Args = ["--Storage:DataPath", dataPath, "--Knowledge:WatchForChanges", "false", "--Logging:LogLevel:Default", "Error"],
        });
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSupportBot();
        var host = builder.Build();
        await host.StartAsync();
        return new GapHost(host, clock);
    }

    /// <summary>Each message as the first of a new shopper's conversation, a few minutes apart; the decisions, in order.</summary>
    public async Task<List<(string Text, string Action)>> AskEachAsync(IEnumerable<string> messages)
    {
        var decisions = new List<(string, string)>();
        foreach (var text in messages)
        {
            Clock.Advance(TimeSpan.FromMinutes(7));
            var replies = await new EngineChat(Engine).SayAsync(text);
            decisions.Add((text, replies.Decision.Action));
        }

        return decisions;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
