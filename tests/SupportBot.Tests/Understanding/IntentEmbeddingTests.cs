using SupportBot.Evaluation;
using SupportBot.Tests.Support;
using SupportBot.Understanding.Intents;

namespace SupportBot.Tests.Understanding;

/// <summary>The intent classifier with the packaged model's sentence vectors beside its n-grams (trained once for the class).</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class IntentEmbeddingTests
{
    private static readonly IntentOptions Options = new();

    private static readonly Lazy<Task<IntentModel>> Shipped = new(() => IntentClassifierTrainer.TrainAsync(
        IntentTrainingSet.From(SharedEmbeddings.Shipped), EvalSet("intents-valid.jsonl"), Options, embedder: IntentEmbedder.For(SharedEmbeddings.Local)));

    [Fact]
    public async Task Evaluate_LabelledTestSet_InScopeAccuracyAtLeast95Percent()
    {
        var model = await Shipped.Value;
        var report = await IntentEvaluation.RunAsync(model, EvalSet("intents-test.jsonl"), "oos");

        Assert.True(model.UsesEmbeddings);
        Assert.True(report.InScopeAccuracy >= 0.95, $"in-scope accuracy {report.InScopeAccuracy}, out-of-scope recall {report.OutOfScopeRecall}");
        Assert.True(report.OutOfScopeRecall >= 0.85, $"out-of-scope recall {report.OutOfScopeRecall}");
    }

    [Fact]
    public async Task Predict_WithTheTurnsVector_SameAsEmbeddingItself()
    {
        const string Text = "hey so i ordered a sweater in M but it's too small, can i get an L?";
        var vector = await SharedEmbeddings.Local.EmbedMessageAsync(Text);

        var model = await Shipped.Value;

        Assert.Equal(await model.PredictAsync(Text, default), model.Predict(Text, vector),
            (x, y) => x.Intent == y.Intent && Math.Abs(x.Confidence - y.Confidence) < 1e-6);
    }

    [Fact]
    public async Task Store_ModelWithEmbeddings_ReloadsOnlyWithTheSameEmbeddingModel()
    {
        using var folder = TempFolder.Create();
        var store = new IntentModelStore(folder.Path);
        var embedder = IntentEmbedder.For(SharedEmbeddings.Local);
        var model = await Shipped.Value;
        store.Save(model);

        var reloaded = store.TryLoad(model.Info.Hash, embedder);

        Assert.NotNull(reloaded);
        Assert.True(reloaded.UsesEmbeddings);
        Assert.Equal((await model.PredictAsync("where is my parcel", default)).Intent, (await reloaded.PredictAsync("where is my parcel", default)).Intent);
        Assert.Null(store.TryLoad(model.Info.Hash, embedder: null));
    }

    private static List<IntentExample> EvalSet(string file) => SupportBot.Host.Cli.EvalIntentsCommand.Read(Path.Combine(RepoPaths.Eval, file));
}
