using SupportBot.Knowledge;
using SupportBot.Knowledge.Search;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Knowledge;

/// <summary><c>knowledge validate</c>'s warning for phrasings of two entries that mean nearly the same (the packaged model).</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class NearDuplicatesTests
{
    [Fact]
    public async Task FindAsync_TwoEntriesWithTheSameQuestion_OneWarningAtTheLaterPhrasing()
    {
        using var folder = TempFolder.Create();
        folder.Write("faq/returns/refund.md", new FaqFile(Id: "refund-timing", Title: "When will I get my refund?",
            Questions: ["How long do refunds take?", "My refund has not arrived", "Refund processing time"], Tags: "[refund]",
            Answer: "Refunds are issued within 5 business days after we receive your return.").ToString());
        folder.Write("faq/returns/window.md", new FaqFile(Id: "return-window", Title: "How long do I have to return something?",
            Questions: ["What is the return period?", "how long do refunds take", "Can I return an old purchase?"], Tags: "[returns]",
            Answer: "You have 30 days from delivery.").ToString());
        var knowledge = new KnowledgeLoader(new KnowledgeOptions()).Load(folder.Path);

        var warnings = await NearDuplicates.FindAsync(knowledge, SharedEmbeddings.Local);

        var warning = Assert.Single(warnings);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("\"how long do refunds take\" means nearly the same as \"How long do refunds take?\" of entry 'refund-timing'", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindAsync_ShippedKnowledge_NoWarnings()
    {
        Assert.Empty(await NearDuplicates.FindAsync(SharedEmbeddings.Shipped, SharedEmbeddings.Local));
    }
}
