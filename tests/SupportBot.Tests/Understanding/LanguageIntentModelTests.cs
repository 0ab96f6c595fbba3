using Microsoft.Extensions.DependencyInjection;
using SupportBot.Tests.Support;
using SupportBot.Understanding.Intents;

namespace SupportBot.Tests.Understanding;

/// <summary>One intent model per language, trained on the multilingual fixture (not the shipped knowledge).</summary>
[Trait(TestCategories.Key, TestCategories.Integration)]
public sealed class LanguageIntentModelTests
{
    private static readonly IntentOptions Options = new();

    [Theory]
    [InlineData("où en est mon colis ?", "order_status")]
    [InlineData("ou en est ma commande LP44556677", "order_status")]
    [InlineData("annulez ma commande s'il vous plaît", "cancel_order")]
    [InlineData("toujours pas remboursé", "refund_status")]
    [InlineData("coucou !", "greeting")]
    public async Task FrenchModel_ClassifiesFrenchMessages(string text, string intent)
    {
        using var folder = TempFolder.Create();
        var examples = IntentTrainingSet.From(IntentLanguageLoadingTests.LoadFixture(), "fr", "en");

        var (model, _) = await LiveIntents.LoadOrTrainAsync(examples, "fr", Options, new IntentModelStore(folder.Path));
        var prediction = model.Predict(text);

        Assert.Equal("fr", model.Info.Language);
        Assert.False(prediction.IsOutOfScope, $"{text} -> out of scope ({prediction.Confidence})");
        Assert.Equal(intent, prediction.Intent);
    }

    [Fact]
    public async Task Store_KeepsEachLanguagesModelUnderItsCode()
    {
        using var folder = TempFolder.Create();
        var store = new IntentModelStore(folder.Path);
        var knowledge = IntentLanguageLoadingTests.LoadFixture();
        var french = IntentTrainingSet.From(knowledge, "fr", "en");

        var (first, trained) = await LiveIntents.LoadOrTrainAsync(french, "fr", Options, store);
        var (second, trainedAgain) = await LiveIntents.LoadOrTrainAsync(french, "fr", Options, store);
        var (english, _) = await LiveIntents.LoadOrTrainAsync(knowledge, Options, store);

        Assert.True(trained);
        Assert.False(trainedAgain);
        Assert.Equal(Path.Combine(folder.Path, $"intents-fr-{first.Info.Hash}.zip"), store.ModelPath(first.Info.Hash, "fr"));
        Assert.True(File.Exists(store.ModelPath(first.Info.Hash, "fr")));
        Assert.True(File.Exists(Path.Combine(folder.Path, $"intents-{english.Info.Hash}.zip")));
        Assert.Null(english.Info.Language);
        Assert.Equal(first.Predict("où est ma commande").Intent, second.Predict("où est ma commande").Intent);
        Assert.Null(store.TryLoad(first.Info.Hash, language: "es"));
    }

    [Fact]
    public async Task LiveIntents_EachLanguageItsOwnModel_TheDefaultOneForOthers()
    {
        using var data = TempFolder.Create();
        await using var host = await EngineHost.StartAsync("--Knowledge:Path", IntentLanguageLoadingTests.Fixture, "--Storage:DataPath", data.Path,
            "--Embeddings:Provider", "None", "--Understanding:PrepareLanguagesAtStart", "false");
        var intents = host.Services.GetRequiredService<LiveIntents>();

        // Not prepared at start: the first French message waits for the French model rather than read with the English one.
        Assert.Null(intents.ReadyFor("fr"));
        var french = await intents.ForAsync("fr");
        var spanish = await intents.ForAsync("es");

        Assert.Equal(["en", "es", "fr"], intents.Languages);
        Assert.Equal("fr", french.Info.Language);
        Assert.Same(french, intents.ReadyFor("fr"));
        Assert.Equal("cancel_order", french.Predict("je veux annuler ma commande").Intent);
        Assert.Equal("es", spanish.Info.Language);
        Assert.Equal(["greeting", "order_status"], spanish.Info.Intents.Order());
        Assert.Same(intents.Current, await intents.ForAsync("de"));
        Assert.Same(intents.Current, await intents.ForAsync("en"));
        Assert.Same(intents.Current, await intents.ForAsync(null));
        Assert.Equal("cancel_order", intents.Current.Predict("please cancel my order").Intent);
    }

    [Fact]
    public async Task LiveIntents_PreparedAtStart_HasEveryLanguagesModelReady()
    {
        using var data = TempFolder.Create();
        await using var host = await EngineHost.StartAsync("--Knowledge:Path", IntentLanguageLoadingTests.Fixture, "--Storage:DataPath", data.Path,
            "--Embeddings:Provider", "None", "--Understanding:PrepareLanguagesAtStart", "true");
        var intents = host.Services.GetRequiredService<LiveIntents>();

        await intents.PrepareLanguagesAsync();

        Assert.Equal("fr", intents.ReadyFor("fr")?.Info.Language);
        Assert.Equal("es", intents.ReadyFor("es")?.Info.Language);
        Assert.Equal("order_status", intents.ReadyFor("fr")!.Predict("où est mon colis").Intent);
        Assert.True(File.Exists(Path.Combine(data.Path, "models", $"intents-es-{intents.ReadyFor("es")!.Info.Hash}.zip")));
    }
}
