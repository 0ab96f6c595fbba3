using SupportBot.Knowledge;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Insights;

/// <summary>The <c>draft: true</c> mark: checked and warned about at its line, never served; a placeholder answer needs it.</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class DraftEntryTests
{
    private const string Served = """
        ---
        id: gift-wrap
        title: Can you gift wrap my order?
        ---
        Yes, tick Gift wrap at checkout.
        """;

    [Fact]
    public void ADraft_IsAWarningAtItsMark_AndIsNotServed()
    {
        using var folder = TempFolder.Create();
        folder.Write("faq/orders/gift-wrap.md", Served);
        folder.Write("faq/orders/gap-bulk-orders.md", $"""
            ---
            id: gap-bulk-orders
            title: "Can I place a bulk order for my company?"
            questions:
              - "do you sell wholesale"
            draft: true
            ---
            {DraftEntries.PlaceholderAnswer}
            """);

        var knowledge = new KnowledgeLoader(new KnowledgeOptions()).Load(folder.Path);

        Assert.Empty(knowledge.Errors);
        var warning = Assert.Single(knowledge.Diagnostics, d => d.Message.StartsWith("draft:", StringComparison.Ordinal));
        Assert.EndsWith("faq/orders/gap-bulk-orders.md", warning.Path.Replace('\\', '/'), StringComparison.Ordinal);
        Assert.Equal((6, DiagnosticSeverity.Warning), (warning.Line, warning.Severity));
        Assert.Equal(["gift-wrap"], knowledge.Entries.Select(e => e.Id));
    }

    [Fact]
    public void AnEntryWithoutTheMark_ThatStillHasThePlaceholder_IsAnError()
    {
        using var folder = TempFolder.Create();
        folder.Write("faq/orders/gap-bulk-orders.md", $"""
            ---
            id: gap-bulk-orders
            title: Can I place a bulk order for my company?
            ---
            {DraftEntries.PlaceholderAnswer}
            """);

        var knowledge = new KnowledgeLoader(new KnowledgeOptions()).Load(folder.Path);

        var error = Assert.Single(knowledge.Errors);
        Assert.Equal(5, error.Line);
        Assert.Contains("placeholder", error.Message, StringComparison.Ordinal);
        Assert.Empty(knowledge.Entries);
    }

    [Fact]
    public void DraftFalse_IsServed_AndAnyOtherWordIsAnError()
    {
        using var folder = TempFolder.Create();
        folder.Write("faq/orders/gift-wrap.md", Served.Replace("title:", "draft: false\ntitle:", StringComparison.Ordinal));
        folder.Write("faq/orders/other.md", Served.Replace("gift-wrap", "other", StringComparison.Ordinal).Replace("title:", "draft: maybe\ntitle:", StringComparison.Ordinal));

        var knowledge = new KnowledgeLoader(new KnowledgeOptions()).Load(folder.Path);

        Assert.Equal(["gift-wrap"], knowledge.Entries.Select(e => e.Id));
        Assert.Contains(knowledge.Errors, e => e.Message.Contains("'draft' must be true or false", StringComparison.Ordinal));
    }
}
