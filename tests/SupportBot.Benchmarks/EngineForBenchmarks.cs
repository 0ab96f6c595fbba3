using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SupportBot.Conversation;
using SupportBot.DemoStore;
using SupportBot.Knowledge;
using SupportBot.Storage;
using SupportBot.Understanding.Intents;

namespace SupportBot.Benchmarks;

/// <summary>
/// The engine as the server builds it (knowledge, intents, drafting, conversation) on a knowledge folder, with a
/// throwaway data folder. Larger knowledge bases are written to disk first, so the engine loads them the way it
/// loads an editor's folder.
/// </summary>
internal sealed class EngineForBenchmarks : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _scratch;

    private EngineForBenchmarks(IHost host, string scratch)
    {
        _host = host;
        _scratch = scratch;
    }

    public IServiceProvider Services => _host.Services;

    public ConversationTurns Engine => Services.GetRequiredService<ConversationTurns>();

    public static async Task<EngineForBenchmarks> StartAsync(KnowledgeBase? knowledge = null, params string[] settings)
    {
        var scratch = Path.Combine(Path.GetTempPath(), "supportbot-bench", Guid.NewGuid().ToString("N"));
        var folder = Path.Combine(BenchmarkData.Root, "knowledge");
        if (knowledge is not null)
        {
            folder = Path.Combine(scratch, "knowledge");
            Write(knowledge, folder);
        }

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = BenchmarkData.Root,
            Args = ["--Knowledge:Path", folder, "--Knowledge:WatchForChanges", "false", "--Storage:DataPath", Path.Combine(scratch, "data"),
                "--Logging:LogLevel:Default", "Warning", "--Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning",
                "--Handoff:Hours:0", "Mon-Sun 00:00-24:00", "--Handoff:Hours:1", "Mon-Sun 00:00-24:00", .. settings],
        });
        builder.Services.AddStorage().AddKnowledge().AddIntents().AddConversation().AddDemoStore();
        var host = builder.Build();
        await host.StartAsync();
        return new EngineForBenchmarks(host, scratch);
    }

    /// <summary>A knowledge folder with the starter's policies, synonyms, intents and prompt, and these entries.</summary>
    private static void Write(KnowledgeBase knowledge, string folder)
    {
        var starter = Path.Combine(BenchmarkData.Root, "knowledge");
        foreach (var file in Directory.EnumerateFiles(starter, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(starter, f).StartsWith("faq", StringComparison.Ordinal)))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(starter, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        foreach (var entry in knowledge.Entries)
        {
            // JSON strings are valid YAML scalars, so any wording survives the round trip.
            var lines = new List<string> { "---", $"id: {entry.Id}", $"title: {JsonSerializer.Serialize(entry.Title)}", "questions:" };
            lines.AddRange(entry.Questions.Select(q => "  - " + JsonSerializer.Serialize(q.Text)));
            lines.Add($"tags: [{string.Join(", ", entry.Tags.Select(t => JsonSerializer.Serialize(t)))}]");
            if (entry.Intent is not null)
            {
                lines.Add($"intent: {entry.Intent}");
            }

            lines.Add("---");
            lines.Add(entry.AnswerMarkdown);
            var path = Path.Combine(folder, "faq", entry.Topic, entry.Id + ".md");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, string.Join('\n', lines) + "\n");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        Directory.Delete(_scratch, recursive: true);
    }
}
