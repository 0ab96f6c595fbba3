using SupportBot.Handoff;
using SupportBot.Knowledge.Frustration;
using SupportBot.Knowledge;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Handoff;

/// <summary>The editors' frustration lexicon: the starter one loads clean, and every broken one is a located error with the built-in lexicon kept in service.</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class FrustrationFileTests
{
    private const string BuiltInSource = "(built-in frustration lexicon)";

    private const string Valid = """
        phrases:
          ridiculous: 1.0
          this is a joke: 1.5
          I'm done: 1
        softeners:
          no rush: 0.5
        negations: [not, isn't]
        signals:
          shouting: 2
          emphasis: 0
          exclamations: 0.5
          question_marks: 0.5
          repeated_question: 1
        """;

    private static KnowledgeBase Load(TempFolder folder) => new KnowledgeLoader(new KnowledgeOptions()).Load(folder.Path);

    [Fact]
    public void StarterLexicon_LoadsWithoutDiagnostics_AndIsTheBuiltInOne()
    {
        var knowledge = new KnowledgeLoader(new KnowledgeOptions()).Load(RepoPaths.Knowledge);
        using var empty = TempFolder.Create();
        var builtIn = Load(empty).Frustration;

        Assert.DoesNotContain(knowledge.Diagnostics, d => d.Path.Contains("frustration", StringComparison.Ordinal));
        Assert.EndsWith(FrustrationLexicon.FileName, knowledge.Frustration.Source.Path, StringComparison.Ordinal);
        Assert.True(knowledge.Frustration.Phrases.Count >= 100, $"{knowledge.Frustration.Phrases.Count} phrases");
        Assert.Equal(BuiltInSource, builtIn.Source.Path);
        Assert.Equal(knowledge.Frustration.Phrases, builtIn.Phrases);
        Assert.Equal(knowledge.Frustration.Signals, builtIn.Signals);
    }

    [Fact]
    public void EditorsLexicon_ReplacesTheBuiltInOne()
    {
        using var folder = TempFolder.Create();
        folder.Write("faq/a.md", new FaqFile().ToString());
        folder.Write("frustration.yml", Valid);

        var knowledge = Load(folder);
        var lexicon = knowledge.Frustration;

        Assert.Empty(knowledge.Diagnostics);
        Assert.Equal(2, knowledge.FileCount);
        Assert.Equal([new WeightedPhrase("ridiculous", 1), new WeightedPhrase("this is a joke", 1.5), new WeightedPhrase("I'm done", 1)], lexicon.Phrases);
        Assert.Equal(new FrustrationSignalWeights(2, 0, 0.5, 0.5, 1), lexicon.Signals);
        Assert.Equal(2.0, FrustrationDetector.Read(lexicon, "WHERE IS IT").Score);
        Assert.Empty(FrustrationDetector.Read(lexicon, "it isn't ridiculous").Signals);
        Assert.Equal(["phrase:I'm done", "softener:no rush"], FrustrationDetector.Read(lexicon, "im done, no rush").Signals);
    }

    [Fact]
    public void NoLexiconFile_UsesTheBuiltInOneSilently()
    {
        using var folder = TempFolder.Create();
        folder.Write("faq/a.md", new FaqFile().ToString());

        var knowledge = Load(folder);

        Assert.Empty(knowledge.Diagnostics);
        Assert.Equal(BuiltInSource, knowledge.Frustration.Source.Path);
        Assert.Contains("phrase:ridiculous", FrustrationDetector.Read(knowledge.Frustration, "ridiculous").Signals);
    }

    [Fact]
    public void UnknownField_IsAWarning_AndTheFileIsUsed()
    {
        using var folder = TempFolder.Create();
        folder.Write("faq/a.md", new FaqFile().ToString());
        folder.Write("frustration.yml", Valid + "\nthreshold: 2\n");

        var knowledge = Load(folder);

        var warning = Assert.Single(knowledge.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, 14), (warning.Severity, warning.Line));
        Assert.Contains("unknown field 'threshold' is ignored", warning.Message, StringComparison.Ordinal);
        Assert.EndsWith(FrustrationLexicon.FileName, knowledge.Frustration.Source.Path, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, int, string> Broken() => new()
    {
        { "weight not a number", Valid.Replace("ridiculous: 1.0", "ridiculous: lots", StringComparison.Ordinal), 2, "the weight of 'ridiculous' must be a number such as 0.5 (got 'lots')" },
        { "weight above the maximum", Valid.Replace("ridiculous: 1.0", "ridiculous: 7", StringComparison.Ordinal), 2, "the weight of 'ridiculous' must be above 0 and at most 5 (got 7)" },
        { "weight zero", Valid.Replace("no rush: 0.5", "no rush: 0", StringComparison.Ordinal), 6, "the weight of 'no rush' must be above 0 and at most 5 (got 0)" },
        { "negative signal", Valid.Replace("shouting: 2", "shouting: -1", StringComparison.Ordinal), 9, "the weight of signal 'shouting' must be from 0 to 5 (got -1)" },
        { "weight as a list", Valid.Replace("ridiculous: 1.0", "ridiculous: [1, 2]", StringComparison.Ordinal), 2, "must be a number such as 0.5, not a list or map" },
        { "same phrase written differently", Valid.Replace("I'm done: 1", "I'm done: 1\n  im DONE: 2", StringComparison.Ordinal), 5, "duplicate phrase 'im DONE': line 4 already lists it" },
        { "phrase that is also a softener", Valid.Replace("no rush: 0.5", "no rush: 0.5\n  Ridiculous: 1", StringComparison.Ordinal), 7, "duplicate phrase 'Ridiculous': line 2 already lists it" },
        { "same key twice", Valid.Replace("ridiculous: 1.0", "ridiculous: 1.0\n  ridiculous: 2", StringComparison.Ordinal), 3, "invalid YAML" },
        { "phrase without words", Valid.Replace("ridiculous: 1.0", "'!!!': 1.0", StringComparison.Ordinal), 2, "the phrase '!!!' has no words" },
        { "unknown signal", Valid.Replace("shouting: 2", "shoutng: 2", StringComparison.Ordinal), 9, "unknown signal 'shoutng' (known: shouting, emphasis, exclamations, question_marks, repeated_question)" },
        { "missing signal", Valid.Replace("  emphasis: 0\n", "", StringComparison.Ordinal), 9, "signal 'emphasis' needs a weight (0 turns it off)" },
        { "no signals", Valid[..Valid.IndexOf("signals:", StringComparison.Ordinal)], 1, "the lexicon needs 'signals'" },
        { "no phrases", Valid.Replace("  ridiculous: 1.0\n  this is a joke: 1.5\n  I'm done: 1\n", "", StringComparison.Ordinal), 1, "the lexicon needs 'phrases'" },
        { "phrases as a list", "phrases:\n  - ridiculous\n" + Valid[Valid.IndexOf("softeners:", StringComparison.Ordinal)..], 2, "'phrases' must be a map of 'phrase: weight' lines" },
        { "negation of two words", Valid.Replace("[not, isn't]", "[not, is not]", StringComparison.Ordinal), 7, "the negation 'is not' must be one word" },
        { "not YAML", "phrases:\n  ridiculous: 1\nsignals: [a, b\n", 4, "invalid YAML" },
        { "a list", "- ridiculous\n- joke\n", 1, "must be a YAML map" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void BrokenLexicon_IsALocatedError_AndTheBuiltInLexiconStaysInService(string description, string text, int line, string expected)
    {
        using var folder = TempFolder.Create();
        folder.Write("frustration.yml", text);

        var knowledge = Load(folder);

        Assert.All(knowledge.Errors, e => Assert.EndsWith(FrustrationLexicon.FileName, e.Path, StringComparison.Ordinal));
        Assert.True(knowledge.Errors.Any(e => e.Line == line && e.Message.Contains(expected, StringComparison.Ordinal)),
            $"{description}: {string.Join("; ", knowledge.Errors)}");
        Assert.Equal(BuiltInSource, knowledge.Frustration.Source.Path);
        Assert.Contains("phrase:ridiculous", FrustrationDetector.Read(knowledge.Frustration, "ridiculous").Signals);
    }
}
