using SupportBot.Evaluation;
using SupportBot.Understanding.Intents;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Understanding;

/// <summary>
/// The pipeline on a larger multi-domain corpus than the store's own, with neighbouring intents that share words
/// and out-of-scope utterances: the design must generalise, not fit our 25 intents.
/// </summary>
[Trait(TestCategories.Key, TestCategories.Eval)]
public sealed class SyntheticIntentQualityTests
{
    [Fact]
    public async Task TrainAndEvaluate_SixtyIntentCorpus_ClassifiesAndRejectsOutOfScope()
    {
        var (train, valid, test) = SyntheticIntentCorpus.Generate(intents: 60, train: 60, valid: 15, test: 25, oosTrain: 100, oosValid: 100, oosTest: 300);
        var options = new IntentOptions { OutOfScopeIntent = SyntheticIntentCorpus.OutOfScope };

        var model = await IntentClassifierTrainer.TrainAsync(Examples(train), Examples(valid), options);
        var report = await IntentEvaluation.RunAsync(model, Examples(test), SyntheticIntentCorpus.OutOfScope);

        Assert.True(report.InScopeAccuracy >= 0.92, $"in-scope accuracy {report.InScopeAccuracy}");
        Assert.True(report.OutOfScopeRecall >= 0.6, $"out-of-scope recall {report.OutOfScopeRecall}");
        Assert.True(report.MacroF1 >= 0.9, $"macro F1 {report.MacroF1}");
        Assert.Equal(61, report.PerIntent.Count);
    }

    private static List<IntentExample> Examples(IEnumerable<LabelledText> texts) => texts.Select(t => new IntentExample(t.Text, t.Intent)).ToList();
}
