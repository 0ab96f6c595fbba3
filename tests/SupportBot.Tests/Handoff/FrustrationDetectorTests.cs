using System.Text.Json;
using SupportBot.Evaluation;
using SupportBot.Handoff;
using SupportBot.Knowledge.Frustration;
using SupportBot.Knowledge;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Handoff;

/// <summary>
/// The frustration detector with the shipped lexicon: how well it separates the labelled shop messages, and what each
/// signal does on its own.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class FrustrationDetectorTests
{
    private static readonly Lazy<FrustrationLexicon> Shipped = new(() =>
        new KnowledgeLoader(new KnowledgeOptions()).Load(RepoPaths.Knowledge).Frustration);

    private static FrustrationReading Read(string text, params string[] earlier) =>
        FrustrationDetector.Read(Shipped.Value, text, earlier);

    private sealed record LabelledMessage(string Text, bool Frustrated, string[]? Earlier);

    private static List<LabelledMessage> LabelledSet() =>
        JsonLines.Read<LabelledMessage>(Path.Combine(RepoPaths.Eval, "frustration.jsonl"), new JsonSerializerOptions(JsonSerializerDefaults.Web))
            .Select(row => row.Item).ToList();

    private static (double Precision, double Recall) Measure(IEnumerable<LabelledMessage> messages)
    {
        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        foreach (var message in messages)
        {
            var flagged = FrustrationDetector.Read(Shipped.Value, message.Text, message.Earlier ?? []).IsFrustrated(FrustrationLexicon.DefaultThreshold);
            truePositives += flagged && message.Frustrated ? 1 : 0;
            falsePositives += flagged && !message.Frustrated ? 1 : 0;
            falseNegatives += !flagged && message.Frustrated ? 1 : 0;
        }

        return ((double)truePositives / (truePositives + falsePositives), (double)truePositives / (truePositives + falseNegatives));
    }

    [Fact]
    public void LabelledSet_IsLargeAndMixed()
    {
        var set = LabelledSet();

        Assert.True(set.Count >= 200, $"{set.Count} messages");
        Assert.InRange(set.Count(m => m.Frustrated) / (double)set.Count, 0.35, 0.5);
        Assert.Equal(set.Count, set.Select(m => m.Text.ToLowerInvariant()).Distinct().Count());
    }

    // Measured at 1.0: all 327 messages P 0.992 R 0.850; the last 40 %, never tuned on, P 0.975 R 0.722.
    [Fact]
    public void LabelledSet_AtTheDefaultThreshold_MeetsPrecisionAndRecall()
    {
        var (precision, recall) = Measure(LabelledSet());

        Assert.True(precision >= 0.95, $"precision {precision:F3}");
        Assert.True(recall >= 0.80, $"recall {recall:F3}");
    }

    [Fact]
    public void LabelledSet_HeldOutPart_MeetsPrecisionAndRecall()
    {
        var set = LabelledSet();
        var (precision, recall) = Measure(set.Skip((int)(set.Count * 0.6)));

        Assert.True(precision >= 0.9, $"held-out precision {precision:F3}");
        Assert.True(recall >= 0.65, $"held-out recall {recall:F3}");
    }

    [Theory]
    [InlineData("Hi, where is my order LP20481736?")]
    [InlineData("Is the linen duvet still on sale?")]
    [InlineData("Will my parcel be late if I choose standard shipping?")]
    [InlineData("The bedding is ridiculously soft, buying another set!")]
    [InlineData("Does the XL run large? I'm usually an L in UK sizes")]
    [InlineData("")]
    public void Read_CalmMessage_ScoresZeroWithoutSignals(string text)
    {
        var reading = Read(text);

        Assert.Equal(0, reading.Score);
        Assert.Empty(reading.Signals);
    }

    [Theory]
    [InlineData("this is ridiculous", "phrase:ridiculous")]
    [InlineData("This is RIDICULOUS.", "phrase:ridiculous")]
    [InlineData("honestly...ridiculous", "phrase:ridiculous")]
    [InlineData("Is this a joke?", "phrase:is this a joke")]
    [InlineData("is - this,  a JOKE", "phrase:is this a joke")]
    [InlineData("Im done", "phrase:I'm done")]
    [InlineData("I\u2019m done with this", "phrase:I'm done")]
    [InlineData("this is sh*t", "phrase:sh*t")]
    public void Read_Phrase_IgnoresCasePunctuationAndApostrophes(string text, string signal)
    {
        var reading = Read(text);

        Assert.Equal([signal], reading.Signals.Where(s => s.StartsWith("phrase:", StringComparison.Ordinal)));
        Assert.True(reading.IsFrustrated(FrustrationLexicon.DefaultThreshold), $"{reading.Score}");
    }

    [Fact]
    public void Read_OverlappingPhrases_CountTheLongestOnce()
    {
        var bot = Read("useless bot");
        var repeated = Read("useless useless useless");

        Assert.Equal(1.5, bot.Score);
        Assert.Equal(["phrase:useless bot"], bot.Signals);
        Assert.Equal(1.0, repeated.Score);
        Assert.Equal(["phrase:useless"], repeated.Signals);
    }

    [Fact]
    public void Read_NegatedPhrase_DoesNotCount_UnlessPunctuationSeparatesThem()
    {
        Assert.Empty(Read("I'm not angry, just confused").Signals);
        Assert.Empty(Read("I'm not really angry").Signals);
        Assert.Equal(["phrase:angry"], Read("No. Angry is what I am.").Signals);
    }

    [Fact]
    public void Read_Softener_TakesItsWeightOff_AndTheScoreStaysAtZeroOrAbove()
    {
        var softened = Read("my husband is furious I bought another rug lol");
        var alone = Read("no rush");

        Assert.Equal(0.5, softened.Score);
        Assert.Equal(["phrase:furious", "softener:lol"], softened.Signals);
        Assert.Equal(0, alone.Score);
        Assert.Equal(["softener:no rush"], alone.Signals);
    }

    [Fact]
    public void Read_MostlyCapitals_IsShouting_AndOneCapitalWordIsEmphasis()
    {
        var shouting = Read("WHERE IS MY ORDER");
        var emphasis = Read("I want it sent NOW");
        var orderNumber = Read("order LP20481736 please");

        Assert.Equal(1.0, shouting.Score);
        Assert.Equal(["shouting"], shouting.Signals);
        Assert.Equal(0.5, emphasis.Score);
        Assert.Equal(["emphasis"], emphasis.Signals);
        Assert.Empty(orderNumber.Signals);
    }

    [Theory]
    [InlineData("where is it!!", new[] { "exclamations" })]
    [InlineData("where is it??", new[] { "question_marks" })]
    [InlineData("where is it?!", new[] { "exclamations", "question_marks" })]
    [InlineData("where is it! today? ok!", new string[0])]
    public void Read_RunsOfMarks_AreSignals(string text, string[] signals)
    {
        Assert.Equal(signals, Read(text).Signals);
    }

    [Theory]
    [InlineData("Where is my refund", "where is my refund?")]
    [InlineData("has my order shipped yet", "has my order shipped")]
    [InlineData("i need the return label for LP20481736", "I need the return label for LP20481736!")]
    public void Read_SameQuestionAgain_IsARepeatedQuestion(string text, string earlier)
    {
        var reading = Read(text, "hello", earlier, "ok");

        Assert.Contains("repeated_question", reading.Signals);
        Assert.True(reading.IsFrustrated(FrustrationLexicon.DefaultThreshold));
    }

    [Theory]
    [InlineData("where is my order LP20481736", "where is my order")]
    [InlineData("thank you", "thank you")]
    [InlineData("do you have it in green", "do you have the throw in blue")]
    public void Read_NewDetailsShortMessagesOrOtherQuestions_AreNotRepeats(string text, string earlier)
    {
        Assert.DoesNotContain("repeated_question", Read(text, earlier).Signals);
    }

    [Fact]
    public void Read_RepeatedQuestion_LooksAtTheLatestTwentyMessagesOnly()
    {
        var earlier = new[] { "where is my refund" }.Concat(Enumerable.Range(0, 20).Select(i => $"message number {i}")).ToArray();

        Assert.DoesNotContain("repeated_question", Read("where is my refund", earlier).Signals);
        Assert.Contains("repeated_question", Read("where is my refund", earlier[..20]).Signals);
    }

    [Fact]
    public void Read_LongMessage_ReadsAllOfIt()
    {
        var text = string.Concat(Enumerable.Repeat("the sofa arrived and the legs were missing, ", 40)) + "this is unacceptable";

        Assert.Equal(["phrase:unacceptable"], Read(text, text).Signals.Where(s => s.StartsWith("phrase:", StringComparison.Ordinal)));
        Assert.Contains("repeated_question", Read(text, text).Signals);
    }

    [Fact]
    public void Read_SignalWeightZero_TurnsTheSignalOff()
    {
        var quiet = new FrustrationLexicon([new WeightedPhrase("ridiculous", 1)], [], [], new FrustrationSignalWeights(0, 0, 0, 0, 0), new SourceLocation("test", 1));

        Assert.Same(FrustrationReading.Calm, FrustrationDetector.Read(quiet, "WHERE IS IT?!?!", ["WHERE IS IT?!?!"]));
        Assert.Equal(["phrase:ridiculous"], FrustrationDetector.Read(quiet, "RIDICULOUS").Signals);
    }
}
