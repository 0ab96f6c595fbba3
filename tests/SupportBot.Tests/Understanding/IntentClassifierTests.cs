using SupportBot.Knowledge;
using SupportBot.Tests.Support;
using SupportBot.Understanding.Intents;

namespace SupportBot.Tests.Understanding;

/// <summary>The intent model trained on the shipped knowledge (once for the class, and once more to test the store).</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class IntentClassifierTests
{
    private static readonly IntentOptions Options = new();

    private static readonly Lazy<Task<IntentModel>> Shipped = new(() =>
        IntentClassifierTrainer.TrainAsync(IntentTrainingSet.From(new KnowledgeLoader(new KnowledgeOptions()).Load(RepoPaths.Knowledge)), null, Options));

    [Theory]
    [InlineData("where the heck is my order LP20481736, it's been 10 days", "order_status")]
    [InlineData("please cancel LP12345678 i ordered the wrong size", "cancel_order")]
    [InlineData("can i speak to a real person please", "talk_to_human")]
    [InlineData("are you a robot", "bot_challenge")]
    [InlineData("thank you so much!", "thanks")]
    [InlineData("how many days do i have to send something back", "faq_returns_refunds")]
    [InlineData("do you take apple pay", "faq_payments_promotions")]
    public async Task Predict_ShippedModel_UnderstandsTypicalMessages(string text, string intent)
    {
        var prediction = (await Shipped.Value).Predict(text);

        Assert.False(prediction.IsOutOfScope, $"{text} -> out of scope ({prediction.Confidence})");
        Assert.Equal(intent, prediction.Intent);
        Assert.InRange(prediction.Confidence, 0, 1);
        Assert.Equal(3, prediction.Alternatives.Count);
        Assert.Equal(intent, prediction.Alternatives[0].Intent);
    }

    [Theory]
    [InlineData("what is the capital of mongolia")]
    [InlineData("can you help me file my taxes")]
    [InlineData("write me a poem about the sea")]
    public async Task Predict_OutsideWhatAStoreBotDoes_IsOutOfScope(string text)
    {
        var prediction = (await Shipped.Value).Predict(text);

        Assert.True(prediction.IsOutOfScope, $"{text} -> {prediction.Intent} ({prediction.Confidence})");
        Assert.Equal(Options.OutOfScopeIntent, prediction.Intent);
    }

    [Fact]
    public async Task Predict_AlternativesAreOrderedAndProbabilitiesSumToOne()
    {
        var model = await Shipped.Value;
        var probabilities = model.Probabilities("my parcel never came and i want a refund");

        Assert.Equal(1.0, probabilities.Sum(), 3);
        var alternatives = model.Predict("my parcel never came and i want a refund").Alternatives;
        Assert.True(alternatives[0].Confidence >= alternatives[1].Confidence && alternatives[1].Confidence >= alternatives[2].Confidence);
    }

    [Fact]
    public async Task Predict_FromManyThreadsAtOnce_GivesTheSameAnswers()
    {
        var texts = new[] { "where is my order", "cancel my order", "i want to return my shoes", "hello", "are you human" };
        var model = await Shipped.Value;
        var expected = texts.Select(t => model.Predict(t)).ToList();

        var results = await Task.WhenAll(Enumerable.Range(0, 400).Select(i => Task.Run(() => (i, model.Predict(texts[i % texts.Length])))));

        Assert.All(results, r => Assert.Equal(expected[r.i % texts.Length], r.Item2, (a, b) => a.Intent == b.Intent && a.Confidence == b.Confidence));
    }

    [Fact]
    public async Task Store_SavesAndReloadsTheSameModel()
    {
        using var folder = TempFolder.Create();
        var store = new IntentModelStore(folder.Path);
        var knowledge = new KnowledgeLoader(new KnowledgeOptions()).Load(RepoPaths.Knowledge);

        var (first, trained) = await LiveIntents.LoadOrTrainAsync(knowledge, Options, store);
        var (second, trainedAgain) = await LiveIntents.LoadOrTrainAsync(knowledge, Options, store);

        Assert.True(trained);
        Assert.False(trainedAgain);
        Assert.Equal(first.Info.Hash, second.Info.Hash);
        Assert.True(File.Exists(store.ModelPath(first.Info.Hash)));
        foreach (var text in new[] { "where is my order", "what's the weather", "do you ship to canada" })
        {
            Assert.Equal(first.Predict(text), second.Predict(text), (x, y) => x.Intent == y.Intent && Math.Abs(x.Confidence - y.Confidence) < 1e-6);
        }
    }
}

/// <summary>What the trainer and the model store decide before any training: refusals, the cache key, damaged files.</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class IntentTrainingRulesTests
{
    private static readonly IntentOptions Options = new();

    [Fact]
    public async Task Train_EmptySet_SaysSoClearly()
    {
        var error = await Assert.ThrowsAsync<IntentTrainingException>(() => IntentClassifierTrainer.TrainAsync([], null, Options));

        Assert.StartsWith("the training set is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_SingleIntent_SaysTwoAreNeeded()
    {
        var examples = Enumerable.Range(0, 10).Select(i => new IntentExample($"hello number {i}", "greeting")).ToList();

        var error = await Assert.ThrowsAsync<IntentTrainingException>(() => IntentClassifierTrainer.TrainAsync(examples, null, Options));

        Assert.Equal("the training set has 1 intent(s) besides 'out_of_scope'; a classifier needs at least two", error.Message);
    }

    [Fact]
    public void Hash_ChangesWithTheDataAndTheSettings_NotWithOrder()
    {
        var a = new[] { new IntentExample("hi", "greeting"), new IntentExample("bye", "goodbye") };
        var b = new[] { a[1], a[0] };

        Assert.Equal(IntentClassifierTrainer.HashOf(a, Options), IntentClassifierTrainer.HashOf(b, Options));
        Assert.NotEqual(IntentClassifierTrainer.HashOf(a, Options), IntentClassifierTrainer.HashOf([a[0], new IntentExample("bye!", "goodbye")], Options));
        Assert.NotEqual(IntentClassifierTrainer.HashOf(a, Options), IntentClassifierTrainer.HashOf(a, new IntentOptions { Trainer = IntentTrainer.LinearSvm }));
    }

    [Fact]
    public void Store_DamagedFile_IsACacheMiss()
    {
        using var folder = TempFolder.Create();
        var store = new IntentModelStore(folder.Path);
        File.WriteAllText(store.ModelPath("abc"), "not a zip");
        File.WriteAllText(Path.ChangeExtension(store.ModelPath("abc"), ".json"), "{ not json");

        Assert.Null(store.TryLoad("abc"));
    }
}
