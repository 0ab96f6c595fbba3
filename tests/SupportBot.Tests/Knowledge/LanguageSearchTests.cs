using Microsoft.Extensions.AI;
using SupportBot.Embeddings;
using SupportBot.Knowledge;
using SupportBot.Knowledge.Search;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Knowledge;

/// <summary>One index per language on a small trilingual fixture (<c>Knowledge/Fixtures/multilingual</c>, not the shop's knowledge).</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class LanguageSearchTests
{
    private static readonly string Fixture = Path.Combine(RepoPaths.Root, "tests", "SupportBot.Tests", "Knowledge", "Fixtures", "multilingual");

    private static KnowledgeBase Load()
    {
        var knowledge = new KnowledgeLoader(new KnowledgeOptions()).Load(Fixture);
        Assert.Empty(knowledge.Diagnostics);
        return knowledge;
    }

    private static async Task<KnowledgeIndexes> BuildAsync(TextEmbeddings? embeddings = null) =>
        await KnowledgeIndexes.BuildAsync(Load(), new SearchOptions(), embeddings ?? TextEmbeddings.None);

    [Theory]
    [InlineData("fr", "Je voudrais renvoyer un vêtement abimé, j'ai combien de jours ?", "return-window")]
    [InlineData("fr", "quand est-ce que je serai remboursee", "refund-timing")]
    [InlineData("fr", "mon remboursment n'est pas arrive", "refund-timing")]
    [InlineData("fr", "où est mon paquet", "track-package")]
    [InlineData("fr", "numero de suivi de la livraison", "track-package")]
    [InlineData("es", "¿Cuánto tarda el reémbolso?", "refund-timing")]
    [InlineData("es", "cuanto tarda el reembolso", "refund-timing")]
    [InlineData("es", "plazo para devolver prendas dañadas", "return-window")]
    [InlineData("es", "donde esta mi bulto", "track-package")]
    [InlineData("es", "numero de segimiento del envio", "track-package")]
    [InlineData("en", "where is my parcel", "track-package")]
    public async Task For_ALanguage_FindsItsEntryWithItsAnalysisSynonymsAndTypos(string language, string question, string expected)
    {
        using var indexes = await BuildAsync();

        var answer = indexes.For(language).Search(question);

        Assert.Equal(expected, answer.Best?.Entry.Id);
        Assert.Equal(language == "en" ? "en-US" : $"{language}-{language.ToUpperInvariant()}", answer.Best!.Entry.Locale);
        Assert.True(answer.Confidence >= new SearchOptions().MinConfidence, $"{answer.Confidence}");
    }

    [Fact]
    public async Task For_TheDefaultLanguage_IsTheEnglishIndexAlone()
    {
        using var indexes = await BuildAsync();
        using var english = KnowledgeIndex.Build(Load(), new SearchOptions());

        Assert.Equal(["en", "es", "fr"], indexes.Languages);
        Assert.Same(indexes.Default, indexes.For("en"));
        Assert.Equal(3, indexes.Default.Count);
        Assert.All(indexes.Default.Entries, e => Assert.Equal("en-US", e.Locale));
        Assert.Equal(english.Search("how long does a refund take").Hits.Select(h => (h.Entry.Id, h.Confidence)),
            indexes.Default.Search("how long does a refund take").Hits.Select(h => (h.Entry.Id, h.Confidence)));
        Assert.Empty(indexes.Default.Search("remboursement colis").Hits);
    }

    [Fact]
    public async Task For_ALanguageTheFolderLacks_IsTheDefaultIndex_AndHasSaysSo()
    {
        using var indexes = await BuildAsync();

        Assert.False(indexes.Has("de"));
        Assert.True(indexes.Has("fr"));
        Assert.Same(indexes.Default, indexes.For("de"));
        Assert.Equal("fr", indexes.For("fr").Language);
    }

    [Theory]
    [InlineData("fr", "suivi de la livraisn", "suivi de la livraison")]
    [InlineData("es", "numero de segimiento", "numero de seguimiento")]
    public async Task Respell_ALanguagesTypo_IsWrittenAsItsEntriesWriteIt(string language, string question, string respelled)
    {
        using var indexes = await BuildAsync();

        Assert.Equal(respelled, indexes.For(language).Respell(question));
    }

    [Fact]
    public async Task BuildAsync_EmbeddingsOn_ComparesMeaningsOnlyForTheConfiguredLanguages()
    {
        using var folder = TempFolder.Create();
        var options = new EmbeddingOptions();
        var embeddings = new TextEmbeddings(new FixedProvider(), "fixed", new VectorCache(Path.Combine(folder.Path, "cache"), 100), options);
        options.Languages.Add("es");
        var spanishToo = new TextEmbeddings(new FixedProvider(), "fixed", new VectorCache(Path.Combine(folder.Path, "cache2"), 100), options);

        using var indexes = await BuildAsync(embeddings);
        using var withSpanish = await BuildAsync(spanishToo);

        Assert.NotNull(indexes.Default.Semantic);
        Assert.Null(indexes.For("fr").Semantic);
        Assert.Null(indexes.For("es").Semantic);
        Assert.Null(withSpanish.Default.Semantic);
        Assert.NotNull(withSpanish.For("es").Semantic);
    }

    private sealed class FixedProvider : IEmbeddingGenerator<string, Embedding<float>>
    {
        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null,
            CancellationToken cancellationToken = default) =>
            Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(t => new Embedding<float>(Vectors.Normalized([t.Length, 1, 2])))));

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
