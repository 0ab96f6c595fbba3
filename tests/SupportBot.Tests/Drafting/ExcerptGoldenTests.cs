using Microsoft.Extensions.DependencyInjection;
using Snapshooter;
using Snapshooter.Xunit;
using SupportBot.Drafting;
using SupportBot.Knowledge;
using SupportBot.Knowledge.Search;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Drafting;

/// <summary>
/// For every shipped FAQ entry, the reply a shopper sees when asking the entry's first phrasing and the entry is the
/// one found, kept as a reviewed snapshot in <c>__snapshots__</c>: an edit to an answer, a summary or the excerpt rules
/// shows up as a diff a person reads before accepting it. Retrieval is left out on purpose (the hit is the entry
/// itself), so a ranking change does not move these snapshots; <see cref="LocalDraftSnapshotTests"/> covers that.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class ExcerptGoldenTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    public static TheoryData<string> ShippedEntries => new(ShippedKnowledge.EntryIds);

    [Theory]
    [MemberData(nameof(ShippedEntries))]
    public async Task FirstPhrasing_ShowsThisExcerpt(string id)
    {
        var entry = fixture.Services.GetRequiredService<LiveKnowledge>().Current.Knowledge.Entries.Single(e => e.Id == id);
        var question = ShippedKnowledge.FirstPhrasing(entry);

        var draft = await fixture.Services.GetRequiredService<ReplyDrafter>().DraftAsync(
            new DraftRequest(question, [new KnowledgeHit(entry, 1, 0.9, [])], ShopperProfile.Anonymous));

        Snapshot.Match(new { question, draft.IsExcerpt, Lines = draft.Markdown.Split('\n') }, SnapshotNameExtension.Create(id));
    }
}
