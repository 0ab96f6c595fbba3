using SupportBot.Evaluation.Conversations;
using SupportBot.Tests.Support;
using static SupportBot.Tests.Reports.SampleConversationRun;

namespace SupportBot.Tests.Reports;

/// <summary>Containment and wrong answers at each FAQ bar, measured on the turns that name their expected entry.</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class ThresholdSweepTests
{
    private static readonly TurnResult[] Turns =
    [
        Turn(1, 1, "right and sure", passed: true, faq: ("returns", 0.8), expectedFaq: "returns"),
        Turn(2, 2, "wrong entry", passed: false, faq: ("shipping", 0.5), expectedFaq: "returns"),
        Turn(3, 3, "right but unsure", passed: true, faq: ("shipping", 0.42), expectedFaq: "shipping"),
        Turn(4, 4, "nothing found", passed: false, expectedFaq: "shipping"),
        // No expected entry: outside the sweep however confident.
        Turn(5, 5, "small talk", passed: true, faq: ("greeting", 0.9)),
    ];

    [Theory]
    [InlineData(0.0, 1.0, 0.5, 4)]
    [InlineData(0.4, 0.75, 0.3333, 3)]
    [InlineData(0.42, 0.75, 0.3333, 3)]
    [InlineData(0.45, 0.5, 0.5, 2)]
    [InlineData(0.5, 0.5, 0.5, 2)]
    [InlineData(0.51, 0.25, 0.0, 1)]
    [InlineData(0.81, 0.0, 0.0, 0)]
    public void At_KnownThreshold_CountsAnsweredAndWrong(double threshold, double containment, double wrong, int answered)
    {
        var point = ThresholdSweep.At(Turns, threshold);

        Assert.Equal(threshold, point.Threshold);
        Assert.Equal(containment, point.Containment, 4);
        Assert.Equal(wrong, point.WrongAnswerRate, 4);
        Assert.Equal(answered, point.Answered);
    }

    [Fact]
    public void Compute_Turns_SweepsHundredthsFromZeroToOne()
    {
        var sweep = ThresholdSweep.Compute(Turns);

        Assert.Equal(101, sweep.Count);
        Assert.Equal(0.0, sweep[0].Threshold);
        Assert.Equal(1.0, sweep[^1].Threshold);
        Assert.Equal((0.45, 0.5, 0.5, 2), sweep[45]);
        Assert.Equal((0.42, 0.75, 0.3333, 3), sweep[42]);
        Assert.Equal((0.43, 0.5, 0.5, 2), sweep[43]);
        // Raising the bar never answers more.
        Assert.All(sweep.Zip(sweep.Skip(1)), pair => Assert.True(pair.Second.Answered <= pair.First.Answered));
    }

    [Fact]
    public void Compute_NoTurnNamesAnExpectedEntry_IsEmpty()
    {
        Assert.Empty(ThresholdSweep.Compute([Turns[4]]));
    }
}
