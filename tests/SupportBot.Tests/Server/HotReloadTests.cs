using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using System.Text.Json;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Server;

/// <summary>
/// Editors change files while the server runs: good changes go live without a restart, bad ones never do. How fast a
/// change goes live (the 2 s promise) is a figure for a benchmark, not a timed assertion on a loaded CI machine.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class HotReloadTests
{
    private const string UmbrellaQuestion = "do you sell zebra striped umbrellas";
    private const string EditorKey = "hot-reload-editor-key";

    /// <summary>The status endpoint is for signed-in agents: an editor's account with an API key.</summary>
    private static readonly string[] Editor = ["--Handoff:Agents:0:Id", "editor", "--Handoff:Agents:0:Name", "Editor", "--Handoff:Agents:0:ApiKey", EditorKey];

    private static string UmbrellaEntry(string id = "zebra-umbrellas") => new FaqFile(
        Id: id,
        Title: "Do you sell zebra striped umbrellas?",
        Questions: ["Zebra umbrella in stock?", "Striped brolly for rain", "Where are the zebra umbrellas?"],
        Tags: "[umbrellas]",
        Answer: "Yes: zebra striped umbrellas are in the accessories section.").ToString();

    [Fact]
    public async Task AddedEntry_IsServed_WithoutRestart()
    {
        using var knowledge = TempFolder.CopyOfKnowledge();
        await using var server = await RunningServer.StartAsync(["--Knowledge:Path", knowledge.Path, .. Editor]);
        Assert.NotEqual("zebra-umbrellas", await BestIdAsync(server, UmbrellaQuestion));

        knowledge.Write("faq/products-care/zebra-umbrellas.md", UmbrellaEntry());
        var best = await Eventually.ReadAsync(() => BestIdAsync(server, UmbrellaQuestion), id => id == "zebra-umbrellas");

        Assert.Equal("zebra-umbrellas", best);
    }

    [Fact]
    public async Task PromptEdit_GoesLive_AndABrokenOneKeepsTheLastGood()
    {
        using var knowledge = TempFolder.CopyOfKnowledge();
        await using var server = await RunningServer.StartAsync(["--Knowledge:Path", knowledge.Path, .. Editor]);
        var live = server.Services.GetRequiredService<SupportBot.Knowledge.LiveKnowledge>();
        var prompt = File.ReadAllText(Path.Combine(knowledge.Path, "prompts", "reply.yaml"));

        knowledge.Write("prompts/reply.yaml", prompt.Replace("default: Pip", "default: Juniper", StringComparison.Ordinal));
        await Eventually.ReadAsync(() => Task.FromResult(live.Current.Knowledge.Prompt.Persona), persona => persona == "Juniper");
        knowledge.Write("prompts/reply.yaml", prompt.Replace("{{$tone}}", "{{$mood}}", StringComparison.Ordinal));
        var status = await Eventually.ReadAsync(() => StatusAsync(server), s => !s.GetProperty("last_attempt_succeeded").GetBoolean());

        Assert.Contains(status.GetProperty("problems").EnumerateArray(), p => p.GetString()!.Contains("reply.yaml:14: variable '$mood' is not declared", StringComparison.Ordinal));
        Assert.Equal("Juniper", live.Current.Knowledge.Prompt.Persona);
    }

    [Fact]
    public async Task InvalidChange_KeepsTheLastGoodIndex_AndReportsTheErrors()
    {
        using var knowledge = TempFolder.CopyOfKnowledge();
        await using var server = await RunningServer.StartAsync(["--Knowledge:Path", knowledge.Path, .. Editor]);
        knowledge.Write("faq/products-care/zebra-umbrellas.md", UmbrellaEntry());
        await Eventually.ReadAsync(() => BestIdAsync(server, UmbrellaQuestion), id => id == "zebra-umbrellas");
        var goodVersion = (await StatusAsync(server)).GetProperty("version").GetInt32();

        // A broken edit to the new file and a duplicate id elsewhere: neither may reach shoppers.
        knowledge.Write("faq/products-care/zebra-umbrellas.md", "---\nid: zebra-umbrellas\ntitle: [broken\n---\nAnswer\n");
        knowledge.Write("faq/products-care/copy.md", UmbrellaEntry("return-window"));
        var status = await Eventually.ReadAsync(() => StatusAsync(server), s => !s.GetProperty("last_attempt_succeeded").GetBoolean()
            && s.GetProperty("problems").EnumerateArray().Any(p => p.GetString()!.Contains("duplicate id", StringComparison.Ordinal)));

        Assert.Equal(goodVersion, status.GetProperty("version").GetInt32());
        Assert.Contains(status.GetProperty("problems").EnumerateArray(), p => p.GetString()!.Contains("zebra-umbrellas.md:", StringComparison.Ordinal) && p.GetString()!.Contains(": invalid YAML", StringComparison.Ordinal));
        Assert.Equal("zebra-umbrellas", await BestIdAsync(server, UmbrellaQuestion));

        // Fixing the files puts the change live.
        File.Delete(Path.Combine(knowledge.Path, "faq/products-care/copy.md"));
        knowledge.Write("faq/products-care/zebra-umbrellas.md", UmbrellaEntry().Replace("accessories section", "rain shop", StringComparison.Ordinal));
        var fixedStatus = await Eventually.ReadAsync(() => StatusAsync(server), s => s.GetProperty("last_attempt_succeeded").GetBoolean());
        Assert.True(fixedStatus.GetProperty("version").GetInt32() > goodVersion);
    }

    private static async Task<string?> BestIdAsync(RunningServer server, string question)
    {
        var result = await server.Client.GetFromJsonAsync<JsonElement>($"/api/knowledge/search?q={Uri.EscapeDataString(question)}&top=1");
        var hits = result.GetProperty("hits");
        return hits.GetArrayLength() == 0 ? null : hits[0].GetProperty("id").GetString();
    }

    private static async Task<JsonElement> StatusAsync(RunningServer server)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/knowledge/status") { Headers = { { "X-Api-Key", EditorKey } } };
        using var response = await server.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
