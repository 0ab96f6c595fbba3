using SupportBot.Drafting;
using SupportBot.Knowledge;
using SupportBot.Knowledge.Search;
using SupportBot.Knowledge.Sentences;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Drafting;

/// <summary>
/// An excerpt never drops a sentence of its answer that carries a number, a negation, a condition, an exception or a
/// limit: it keeps it word for word, or the entry's summary says it with the same numbers and negation.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class ExcerptFidelityTests
{
    private static KnowledgePassage PassageOf(FaqEntry entry) => KnowledgeSearchResult.From([new KnowledgeHit(entry, 1, 0.9, [])]).Passages[0];

    private static FaqEntry Shipped(string id) => ShippedKnowledge.Knowledge.Entries.Single(e => e.Id == id);

    /// <summary>The sentences of the answer the excerpt leaves out although they carry a fact, each as written.</summary>
    private static List<string> Dropped(AnswerExcerpt excerpt, FaqEntry entry)
    {
        if (excerpt.IsWhole)
        {
            return [];
        }

        var shown = Sentence.SplitText(excerpt.Markdown);
        var summary = entry.Summary is null ? [] : Sentence.SplitText(entry.Summary);
        return Sentence.SplitText(entry.AnswerMarkdown)
            .Where(s => s.Facts.MustKeep)
            .Where(s => !shown.Any(x => x.Markdown == s.Markdown) && FactKeeping.Judge(s, summary) != FactOutcome.Kept)
            .Select(s => s.Markdown)
            .ToList();
    }

    [Fact]
    public void EveryShippedEntry_EveryPhrasing_KeepsEveryConditionNumberAndNegation()
    {
        var failures = new List<string>();
        var checkedExcerpts = 0;
        foreach (var entry in ShippedKnowledge.Knowledge.Entries)
        {
            foreach (var question in entry.Questions.Select(q => q.Text).Prepend(entry.Title))
            {
                var excerpt = AnswerExcerpt.Choose(question, PassageOf(entry));
                failures.AddRange(Dropped(excerpt, entry).Select(s => $"{entry.Id} / \"{question}\" drops: {s}"));
                checkedExcerpts++;
            }
        }

        Assert.True(checkedExcerpts > 800, $"only {checkedExcerpts} excerpts checked");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public void EveryShippedEntry_ExcerptSaysOnlyWhatTheAnswerOrItsSummarySays()
    {
        foreach (var entry in ShippedKnowledge.Knowledge.Entries)
        {
            foreach (var question in entry.Questions.Select(q => q.Text).Prepend(entry.Title))
            {
                var excerpt = AnswerExcerpt.Choose(question, PassageOf(entry));
                var allowed = entry.AnswerMarkdown + "\n" + entry.Summary;
                Assert.All(Sentence.SplitText(excerpt.Markdown), s => Assert.Contains(s.Markdown, allowed, StringComparison.Ordinal));
            }
        }
    }

    [Theory]
    [InlineData("Does price protection apply to flash sales?")]
    [InlineData("My jacket went on sale two days after I bought it")]
    [InlineData("How many days do I have to ask for a price adjustment?")]
    public void PriceAdjustment_KeepsItsLimitAndItsExclusions(string question)
    {
        var excerpt = AnswerExcerpt.Choose(question, PassageOf(Shipped("price-adjustment")));

        Assert.Contains("14 days", excerpt.Markdown, StringComparison.Ordinal);
        Assert.Contains("once per item", excerpt.Markdown, StringComparison.Ordinal);
        Assert.Contains("don't apply to promo-code savings, flash sales lasting 24 hours or less, and Final Sale items", excerpt.Markdown, StringComparison.Ordinal);
        Assert.Contains("can't match prices from other retailers", excerpt.Markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("do you sell my data")]
    [InlineData("Who do you give my data to?")]
    [InlineData("Will I get spam from partners if I shop with you?")]
    public void DataSharing_SaysWeDoNotSellYourData(string question)
    {
        var excerpt = AnswerExcerpt.Choose(question, PassageOf(Shipped("data-sharing")));

        Assert.Contains("don't sell your personal information", excerpt.Markdown, StringComparison.Ordinal);
        Assert.Contains("never stored in full", excerpt.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void SpecificQuestion_GetsTheFirstBlockItsBlock_AndTheFactsOfTheRest_WithoutTheSmallTalk()
    {
        var entry = new FaqEntryBuilder().With(
            "We pack every parcel by hand.",
            "If your parcel is lost, we send a replacement.",
            "Gift receipts show no prices. Ask for one at checkout, in the box at the bottom of the payment page next to the gift message.",
            "Parcels leave the warehouse within 2 business days. Our team loves hearing from you and reads every note you send.").Build();

        var excerpt = AnswerExcerpt.Choose("what if my parcel is lost", PassageOf(entry));

        Assert.False(excerpt.IsWhole);
        Assert.Equal("We pack every parcel by hand.\n\nIf your parcel is lost, we send a replacement.\n\nGift receipts show no prices.\n\nParcels leave the warehouse within 2 business days.", excerpt.Markdown);
    }

    [Fact]
    public void GeneralQuestion_GetsTheSummary_AndTheFactsItDoesNotCarry()
    {
        var entry = new FaqEntryBuilder().With(
            "Returns are free within 30 days of delivery. Our team loves hearing from you and reads every note.",
            "Final Sale items can't be returned.",
            "Start a return in your account.",
            "Refunds reach your card in 5–7 business days.") with
        { Summary = "Returns are free within 30 days of delivery, and Final Sale items can't be returned." };

        var excerpt = AnswerExcerpt.Choose("how does it work", PassageOf(entry.Build()));

        Assert.Equal("Returns are free within 30 days of delivery, and Final Sale items can't be returned.\n\nRefunds reach your card in 5–7 business days.", excerpt.Markdown);
    }

    /// <summary>A made-up entry whose answer is the given paragraphs.</summary>
    private sealed record FaqEntryBuilder(string[]? Paragraphs = null, string? Summary = null)
    {
        public FaqEntryBuilder With(params string[] paragraphs) => this with { Paragraphs = paragraphs };

        public FaqEntry Build() => new()
        {
            Id = "made-up",
            Title = "How does it work?",
            TitleLine = 2,
            Questions = [],
            Tags = [],
            Locale = "en-US",
            Topic = "test",
            Related = [],
            AnswerMarkdown = string.Join("\n\n", Paragraphs ?? []),
            AnswerText = string.Join("\n\n", Paragraphs ?? []),
            Summary = Summary,
            Source = new SourceLocation("made-up.md", 2),
        };
    }
}
