using SupportBot.Insights.Gaps;
using SupportBot.Knowledge;
using SupportBot.Tests.Support;
using Xunit.Abstractions;

namespace SupportBot.Tests.Insights;

/// <summary>
/// A question the FAQ does not cover (bulk orders for companies), asked ten ways by ten shoppers among a realistic
/// week of other messages (answered questions, out-of-scope chat, gibberish, one-off questions the FAQ lacks), all
/// written through the engine into a real SQLite store: the gap report must put it first, as one cluster, with no
/// unrelated message in it, and its draft must validate as a draft and not be served.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class PlantedGapTests(ITestOutputHelper output)
{
    internal static readonly string[] Planted =
    [
        "Can I place a bulk order for my company?",
        "do you do corporate orders? we need 200 mugs for our staff",
        "I want to buy 50 sweaters for my team, is there a wholesale price",
        "Do you offer wholesale pricing for businesses?",
        "how do I order in bulk for an office event",
        "is there a special price for large corporate orders",
        "we're a company looking to buy your blankets in bulk as client gifts",
        "can businesses buy wholesale from you",
        "bulk purchase for our employees, is that possible?",
        "do you sell in large quantities to companies",
    ];

    internal static readonly string[] Others =
    [
        "where is my order", "how long do refunds take", "can I return a gift", "what are your shipping options",
        "what's the weather in paris tomorrow", "who won the football last night", "write me a poem about cats",
        "asdf jkl", "banana", "my dog ate the packaging lol", "the colour blue is nice", "hmm",
        "do you have a mobile app", "are your products made with vegan leather", "can I get a job at your company",
        "do you have an affiliate program", "can I pay with bitcoin", "is the owner of the shop nice",
        "my name is Priya Natarajan and I want to know if you sponsor school events",
        "can you recommend a good movie", "do you ship to mars", "is there a catalogue I can get by post",
    ];

    [Fact]
    public async Task TenPhrasingsOfAnUncoveredQuestion_AreTheTopClusterAlone_AndItsDraftIsNotServed()
    {
        using var data = TempFolder.Create();
        await using var host = await GapHost.StartAsync(data.Path);
        var since = GapHost.Start;

        // The week before: two of the other messages, so the trend has something to compare with.
        await host.AskEachAsync(Others.Take(2));
        host.Clock.Advance(TimeSpan.FromDays(7));
        since = host.Clock.GetUtcNow();
        var decisions = await host.AskEachAsync(Planted.Zip(Others).SelectMany(p => new[] { p.First, p.Second }).Concat(Others.Skip(Planted.Length)));
        foreach (var (text, action) in decisions)
        {
            output.WriteLine($"{action,-14} {text}");
        }

        var report = await host.Gaps.BuildAsync(since, host.Clock.GetUtcNow().AddMinutes(1), host.Knowledge.Current.Index, CancellationToken.None);
        foreach (var cluster in report.Clusters)
        {
            output.WriteLine($"#{cluster.Rank} {cluster.Label} ({cluster.Messages}): {string.Join(" | ", cluster.Phrasings.Select(p => p.Text))}");
        }

        var top = report.Clusters[0];
        var texts = top.Phrasings.Select(p => p.Text).ToList();
        Assert.True(texts.Count(Planted.Contains) >= 9, $"the top cluster holds {texts.Count(Planted.Contains)} of the 10 planted phrasings");
        Assert.All(texts, t => Assert.Contains(t, Planted));
        Assert.Equal(3, top.Representatives.Count);
        Assert.Equal(GapTrend.New, top.Trend);
        Assert.NotNull(top.NearestEntry);

        using var knowledge = TempFolder.CopyOfKnowledge();
        var path = knowledge.Write($"faq/payments-promotions/{GapDrafts.IdOf(top)}.md", GapDrafts.Markdown(top, report, GapDrafts.IdOf(top), 12));
        var loaded = new KnowledgeLoader(new KnowledgeOptions()).Load(knowledge.Path);
        Assert.Empty(loaded.Errors);
        Assert.Contains(loaded.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Path.EndsWith($"{GapDrafts.IdOf(top)}.md", StringComparison.Ordinal)
            && d.Message.StartsWith("draft:", StringComparison.Ordinal));
        Assert.DoesNotContain(loaded.Entries, e => e.Id == GapDrafts.IdOf(top));
        Assert.True(File.Exists(path));
    }
}
