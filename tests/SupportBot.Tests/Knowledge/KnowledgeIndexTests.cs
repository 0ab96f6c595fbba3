using SupportBot.Knowledge;
using SupportBot.Knowledge.Search;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Knowledge;

[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class KnowledgeIndexTests : IDisposable
{
    private readonly TempFolder _folder = TempFolder.Create();

    public KnowledgeIndexTests()
    {
        _folder.Write("synonyms.txt", "parcel, package\nmoney back => refund\nfinal sale, no returns\n");
        _folder.Write("faq/shipping/track.md", new FaqFile(Id: "track-package", Title: "How do I track my package?",
            Questions: ["Where is my order right now?", "Is there a tracking number?", "Can I follow the delivery?"],
            Tags: "[tracking, delivery]", Answer: "Use the tracking link in your shipping email.").ToString());
        _folder.Write("faq/returns/refund.md", new FaqFile(Id: "refund-timing", Title: "When will I get my refund?",
            Questions: ["How long do refunds take?", "My refund has not arrived", "Refund processing time"],
            Tags: "[refund]", Answer: "Refunds are issued within 5 business days after we receive your return.").ToString());
        _folder.Write("faq/returns/window.md", new FaqFile(Id: "return-window", Title: "How long do I have to return something?",
            Questions: ["What is the return period?", "Is there a deadline to send items back?", "Can I return an old purchase?"],
            Tags: "[returns]", Answer: "You have 30 days from delivery.").ToString());
        _folder.Write("faq/care/wash.md", new FaqFile(Id: "wool-care", Title: "How should I wash wool?",
            Questions: ["Can wool go in the washing machine?", "Cleaning knitwear", "Will my sweater shrink?"],
            Tags: "[care, wool]", Answer: "Hand wash cold and dry flat.").ToString());
    }

    public void Dispose() => _folder.Dispose();

    private KnowledgeIndex Build(SearchOptions? options = null)
    {
        var knowledge = new KnowledgeLoader(new KnowledgeOptions()).Load(_folder.Path);
        Assert.False(knowledge.HasErrors, string.Join("\n", knowledge.Errors));
        return KnowledgeIndex.Build(knowledge, options ?? new SearchOptions());
    }

    [Fact]
    public void Search_MoreMisspellingsThanTheBudget_CorrectsOnlyTheFirst()
    {
        using var index = Build();
        string[] misspelt = ["trackng", "delivry", "refnds", "procesing", "deadlne", "purchse", "washng", "machne", "sweatr", "shrnk", "cleanng", "knitwer"];

        var answer = index.Search(string.Join(' ', misspelt));

        Assert.Equal(misspelt.Skip(QueryReader.MaxCorrections), answer.UnknownWords);
    }

    [Fact]
    public void Search_ThousandsOfDistinctMisspellings_IsAnAnswerNotAClauseLimitFailure()
    {
        using var index = Build();
        var words = new[] { "tracking", "delivery", "refunds", "processing", "deadline", "purchase", "washing", "machine", "sweater", "cleaning", "knitwear", "shipping" };
        var misspelt = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            for (var at = 1; at < word.Length - 1; at++)
            {
                for (var letter = 'a'; letter <= 'z'; letter++)
                {
                    misspelt.Add(word[..at] + letter + word[(at + 1)..]);
                }
            }
        }

        var answer = index.Search(string.Join(' ', misspelt.Where(m => !words.Contains(m))));

        Assert.True(misspelt.Count > 1_500, $"{misspelt.Count} misspellings");
        Assert.NotNull(answer);
    }

    [Fact]
    public void Search_StemmedWords_FindTheEntry()
    {
        using var index = Build();

        var answer = index.Search("tracking my packages");

        Assert.Equal("track-package", answer.Best!.Entry.Id);
        Assert.Contains(answer.Best.Matches, m => m.Word == "tracking" && m.Kind == MatchKind.Exact && m.Fields.Contains("title"));
    }

    [Fact]
    public void Search_SynonymFromTheEditorsFile_FindsTheEntryAndSaysSo()
    {
        using var index = Build();

        var answer = index.Search("where's my parcel");

        Assert.Equal("track-package", answer.Best!.Entry.Id);
        Assert.Contains(answer.Best.Matches, m => m.Word == "parcel" && m.MatchedAs == "package" && m.Kind == MatchKind.Synonym);
    }

    [Fact]
    public void Search_OneWaySynonymPhrase_FindsTheTarget()
    {
        using var index = Build();

        var answer = index.Search("i want my money back");

        Assert.Equal("refund-timing", answer.Best!.Entry.Id);
        Assert.Contains(answer.Best.Matches, m => m.Word == "money back" && m.MatchedAs == "refund");
    }

    [Fact]
    public void Search_SynonymThatLosesAStopWord_DoesNotFireOnItsOtherWord()
    {
        using var index = Build();

        var answer = index.Search("return");

        Assert.DoesNotContain(answer.Hits.SelectMany(h => h.Matches), m => m.Kind == MatchKind.Synonym);
    }

    [Theory]
    [InlineData("refnud", "refund-timing", "refund")]
    [InlineData("when do i get my refunf", "refund-timing", "refund")]
    [InlineData("washng wool", "wool-care", "wash")]
    public void Search_Misspelling_IsCorrectedToAKnownWord(string question, string expected, string correctedTo)
    {
        using var index = Build();

        var answer = index.Search(question);

        Assert.Equal(expected, answer.Best!.Entry.Id);
        Assert.Contains(answer.Best.Matches, m => m.Kind == MatchKind.Typo && m.MatchedAs.StartsWith(correctedTo, StringComparison.Ordinal));
    }

    [Fact]
    public void Respell_CorrectsMisspellings_ButNotRealWordsTheKnowledgeDoesNotUse()
    {
        using var index = Build();

        // "refnud" and "washng" are typos (read as the knowledge writes the word); "passport" and "coat" are English the
        // knowledge never writes, and stay.
        Assert.Equal("when do i get my refund, can I washing my coat?", index.Respell("when do i get my refnud, can I washng my coat?"));
        Assert.Equal("I lost my passport", index.Respell("I lost my passport"));
        Assert.DoesNotContain(index.Search("I lost my passport").Hits.SelectMany(h => h.Matches), m => m.Kind == MatchKind.Typo);
    }

    [Fact]
    public void Search_WithTypoToleranceOff_DoesNotCorrect()
    {
        using var index = Build(new SearchOptions { TypoTolerance = false });

        var answer = index.Search("refnud");

        Assert.Empty(answer.Hits);
        Assert.Equal(["refnud"], answer.UnknownWords);
    }

    [Fact]
    public void Search_WordsCloseTogether_RankAboveScatteredOnes()
    {
        _folder.Write("faq/care/scattered.md", new FaqFile(Id: "scattered", Title: "Is wool in stock, and can I wash my order?",
            Questions: ["Stock questions", "Order questions", "General questions"], Answer: "Ask us.").ToString());
        using var index = Build();

        var answer = index.Search("wash wool");

        Assert.Equal("wool-care", answer.Best!.Entry.Id);
    }

    [Fact]
    public void Search_Confidence_IsHighForAPhrasingAndLowForAnUnrelatedQuestion()
    {
        using var index = Build();

        var good = index.Search("how long do refunds take");
        var unrelated = index.Search("do you sell car tyres and exhaust pipes");

        Assert.InRange(good.Confidence, 0.7, 1.0);
        Assert.InRange(unrelated.Confidence, 0.0, 0.3);
        Assert.Contains("tyres", unrelated.UnknownWords);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("how do i")]
    [InlineData("?!?")]
    public void Search_NothingToSearchFor_ReturnsNoHits(string question)
    {
        using var index = Build();

        var answer = index.Search(question);

        Assert.Empty(answer.Hits);
        Assert.Equal(0, answer.Confidence);
    }

    [Fact]
    public void Search_LongOrOddInput_DoesNotThrow()
    {
        using var index = Build();

        var answer = index.Search(string.Join(' ', Enumerable.Repeat("refund wool parcel \"quoted\" AND OR NOT * ~ ( ) [ ] {{x}}", 400)));

        Assert.NotEmpty(answer.Hits);
        Assert.InRange(answer.Confidence, 0, 1);
    }

    [Fact]
    public void Search_Top_LimitsHitsAndConfidencesAreOrderedByScore()
    {
        using var index = Build();

        var answer = index.Search("return refund wool package", top: 2);

        Assert.Equal(2, answer.Hits.Count);
        Assert.True(answer.Hits[0].Score >= answer.Hits[1].Score);
    }

    [Theory]
    [InlineData(1.0, 1.0, 1.0, 1.0)]
    [InlineData(1.0, 1.0, 0.0, 0.8)]
    [InlineData(1.0, 0.0, 1.0, 0.4)]
    [InlineData(0.0, 0.0, 1.0, 0.0)]
    public void ConfidenceOf_CombinesCoverageAndSeparation(double coverage, double questionCoverage, double separation, double expected)
    {
        Assert.Equal(expected, CandidateRanker.ConfidenceOf(coverage, questionCoverage, separation), 4);
    }
}
