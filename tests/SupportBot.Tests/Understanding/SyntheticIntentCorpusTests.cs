using SupportBot.Tests.Support;


namespace SupportBot.Tests.Understanding;

[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class SyntheticIntentCorpusTests
{
    private const int AllIntents = 150;

    private static readonly Lazy<(IReadOnlyList<LabelledText> Train, IReadOnlyList<LabelledText> Valid, IReadOnlyList<LabelledText> Test)> Full =
        new(() => SyntheticIntentCorpus.Generate(intents: AllIntents));

    [Fact]
    public void AvailableIntents_Always_Offers150DistinctIntentsOverElevenDomains()
    {
        var intents = SyntheticIntentCorpus.AvailableIntents;

        Assert.Equal(AllIntents, intents.Count);
        Assert.Equal(intents.Count, intents.Distinct().Count());
        Assert.DoesNotContain(SyntheticIntentCorpus.OutOfScope, intents);
        Assert.Equal(11, intents.Select(SyntheticIntentCorpus.DomainOf).Distinct().Count());
    }

    [Fact]
    public void Generate_FewIntents_SpreadsThemOverEveryDomain()
    {
        var (train, _, _) = SyntheticIntentCorpus.Generate(intents: 11, train: 5, valid: 0, test: 0, oosTrain: 0, oosValid: 0, oosTest: 0);

        Assert.Equal(11, train.Select(t => SyntheticIntentCorpus.DomainOf(t.Intent)).Distinct().Count());
    }

    [Fact]
    public void Generate_Defaults_GivesSixtyIntentsAndClincSizedSplits()
    {
        var (train, valid, test) = SyntheticIntentCorpus.Generate();

        Assert.Equal((60 * 100) + 100, train.Count);
        Assert.Equal((60 * 20) + 100, valid.Count);
        Assert.Equal((60 * 30) + 400, test.Count);
        Assert.Equal(61, train.Select(t => t.Intent).Distinct().Count());
    }

    [Fact]
    public void Generate_AllIntents_GivesExactCountsPerIntentAndSplit()
    {
        var (train, valid, test) = Full.Value;

        AssertCounts(train, perIntent: 100, outOfScope: 100);
        AssertCounts(valid, perIntent: 20, outOfScope: 100);
        AssertCounts(test, perIntent: 30, outOfScope: 400);

        static void AssertCounts(IReadOnlyList<LabelledText> split, int perIntent, int outOfScope)
        {
            var counts = split.GroupBy(t => t.Intent).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(AllIntents + 1, counts.Count);
            Assert.Equal(outOfScope, counts[SyntheticIntentCorpus.OutOfScope]);
            Assert.All(SyntheticIntentCorpus.AvailableIntents, intent => Assert.Equal(perIntent, counts[intent]));
        }
    }

    [Fact]
    public void Generate_AllIntents_EveryIntentIsInEverySplit()
    {
        var (train, valid, test) = Full.Value;
        var expected = SyntheticIntentCorpus.AvailableIntents.Append(SyntheticIntentCorpus.OutOfScope).Order().ToArray();

        Assert.Equal(expected, train.Select(t => t.Intent).Distinct().Order().ToArray());
        Assert.Equal(expected, valid.Select(t => t.Intent).Distinct().Order().ToArray());
        Assert.Equal(expected, test.Select(t => t.Intent).Distinct().Order().ToArray());
    }

    [Fact]
    public void Generate_AllIntents_SplitsShareNoText_EvenIgnoringCaseAndPunctuation()
    {
        var (train, valid, test) = Full.Value;

        foreach (var key in new Func<string, string>[] { t => t, SyntheticIntentCorpus.Key })
        {
            var trainKeys = train.Select(t => key(t.Text)).ToHashSet();
            var validKeys = valid.Select(t => key(t.Text)).ToHashSet();
            Assert.DoesNotContain(valid, t => trainKeys.Contains(key(t.Text)));
            Assert.DoesNotContain(test, t => trainKeys.Contains(key(t.Text)) || validKeys.Contains(key(t.Text)));
        }
    }

    [Fact]
    public void Generate_AllIntents_NoTextCarriesTwoLabels()
    {
        var (train, valid, test) = Full.Value;

        var ambiguous = train.Concat(valid).Concat(test)
            .GroupBy(t => SyntheticIntentCorpus.Key(t.Text))
            .Where(g => g.Select(t => t.Intent).Distinct().Count() > 1)
            .Select(g => g.Key);
        Assert.Empty(ambiguous);
    }

    [Fact]
    public void Generate_AllIntents_AtLeast80PercentDistinctTrainTextsPerIntent()
    {
        var (train, _, _) = Full.Value;

        Assert.All(train.GroupBy(t => t.Intent), g =>
            Assert.True(g.Select(t => t.Text).Distinct().Count() >= 0.8 * g.Count(), $"{g.Key}: {g.Select(t => t.Text).Distinct().Count()}/{g.Count()}"));
    }

    [Fact]
    public void Generate_SameSeed_GivesSameCorpus()
    {
        var first = SyntheticIntentCorpus.Generate(intents: 40, seed: 7);
        var second = SyntheticIntentCorpus.Generate(intents: 40, seed: 7);

        Assert.Equal(first.Train, second.Train);
        Assert.Equal(first.Valid, second.Valid);
        Assert.Equal(first.Test, second.Test);
    }

    [Fact]
    public void Generate_DifferentSeed_GivesDifferentCorpus()
    {
        var first = SyntheticIntentCorpus.Generate(intents: 40, seed: 7);
        var second = SyntheticIntentCorpus.Generate(intents: 40, seed: 8);

        Assert.NotEqual(first.Train, second.Train);
        Assert.NotEqual(first.Test, second.Test);
        Assert.True(first.Test.Select(t => t.Text).Intersect(second.Test.Select(t => t.Text)).Count() < first.Test.Count / 2);
    }

    [Theory]
    [InlineData("account", new[] { "transfer", "balance", "transactions" })]
    [InlineData("flight", new[] { "book_flight", "flight_status", "lost_luggage" })]
    [InlineData("reservation", new[] { "restaurant_reservation", "confirm_reservation", "cancel_reservation" })]
    public void Generate_NeighbouringIntents_ShareVocabulary(string word, string[] intents)
    {
        var (train, _, _) = Full.Value;

        Assert.All(intents, intent => Assert.Contains(train, t => t.Intent == intent && t.Text.Contains(word, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void Generate_AllIntents_MixesCasingPunctuationAndFiller()
    {
        var (train, _, _) = Full.Value;
        double Share(Func<string, bool> predicate) => train.Count(t => predicate(t.Text)) / (double)train.Count;

        Assert.InRange(Share(t => char.IsUpper(t[0])), 0.3, 0.6);
        Assert.InRange(Share(t => char.IsLetterOrDigit(t[^1])), 0.2, 0.6);
        Assert.InRange(Share(t => t.StartsWith("um ", StringComparison.OrdinalIgnoreCase) || t.EndsWith(" thanks", StringComparison.Ordinal)), 0.005, 0.1);
        Assert.All(train, t => Assert.Equal(t.Text.Trim(), t.Text));
        Assert.DoesNotContain(train, t => t.Text.Contains("  ", StringComparison.Ordinal) || t.Text.Contains('{'));
    }

    [Fact]
    public void Generate_OutOfScope_ComesFromItsOwnDiverseTemplates()
    {
        var (_, _, test) = Full.Value;
        var outOfScope = test.Where(t => t.Intent == SyntheticIntentCorpus.OutOfScope).ToList();

        Assert.Equal(400, outOfScope.Count);
        Assert.True(outOfScope.Select(t => SyntheticIntentCorpus.Key(t.Text).Split(' ')[0]).Distinct().Count() >= 25);
    }

    [Fact]
    public void Generate_AllIntentsAtClincSize_HasEveryExample()
    {
        var (train, valid, test) = SyntheticIntentCorpus.Generate(intents: AllIntents, seed: 42);

        Assert.Equal((AllIntents * 150) + 600, train.Count + valid.Count + test.Count);
    }

    [Fact]
    public void Generate_MoreIntentsThanAvailable_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticIntentCorpus.Generate(intents: AllIntents + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticIntentCorpus.Generate(train: -1));
    }
}
