using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using SupportBot.Embeddings;
using SupportBot.Storage;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Embeddings;

/// <summary>The cache and batching around any provider, with a provider that counts what it is asked.</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class TextEmbeddingsTests : IDisposable
{
    private readonly TempFolder _folder = TempFolder.Create();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task EmbedAsync_SameTextsTwice_ProviderAskedOnce()
    {
        var provider = new CountingProvider();
        var embeddings = Create(provider);

        var first = await embeddings.EmbedAsync(["where is my parcel", "how do I return a jumper"]);
        var second = await embeddings.EmbedAsync(["how do I return a jumper", "where is my parcel"]);

        Assert.Equal(2, provider.Texts.Count);
        Assert.Equal(first[0], second[1]);
        Assert.Equal(first[1], second[0]);
    }

    [Fact]
    public async Task EmbedAsync_AfterRestart_ReadsTheDiskCacheInsteadOfEmbedding()
    {
        await Create(new CountingProvider()).EmbedAsync(["where is my parcel", "how do I return a jumper"]);
        var provider = new CountingProvider();

        var vectors = await Create(provider).EmbedAsync(["where is my parcel", "a new question"]);

        Assert.Equal(["a new question"], provider.Texts);
        Assert.Equal(CountingProvider.VectorOf("where is my parcel"), vectors[0]);
    }

    [Fact]
    public async Task EmbedAsync_ManyTexts_SentInBatchesAndEachDistinctTextOnce()
    {
        var provider = new CountingProvider();
        var texts = Enumerable.Range(0, 70).Select(i => $"question {i}").Concat(["question 1", "question 2"]).ToList();

        var vectors = await Create(provider, batchSize: 32).EmbedAsync(texts);

        Assert.Equal([32, 32, 6], provider.Batches);
        Assert.Equal(70, provider.Texts.Count);
        Assert.Equal(vectors[1], vectors[70]);
    }

    [Fact]
    public async Task EmbedMessageAsync_ShopperText_NeverWrittenToDisk()
    {
        await Create(new CountingProvider()).EmbedMessageAsync("my email is ana@example.com, where is LP10000002");
        var provider = new CountingProvider();

        await Create(provider).EmbedMessageAsync("my email is ana@example.com, where is LP10000002");

        Assert.Single(provider.Texts);
    }

    [Fact]
    public async Task EmbedMessageAsync_ProviderFails_NullSoTheTurnGoesOnLexical()
    {
        var embeddings = Create(new CountingProvider { Fail = true });

        Assert.Null(await embeddings.EmbedMessageAsync("where is my parcel"));
        await Assert.ThrowsAsync<HttpRequestException>(() => embeddings.EmbedAsync(["where is my parcel"]));
    }

    [Fact]
    public void VectorCache_MemoryBound_DropsTheLeastRecentlyUsed()
    {
        var cache = new VectorCache(null, memoryEntries: 2);
        cache.Store(["a", "b"], [[1f], [2f]], disk: false);
        var found = new float[]?[1];
        cache.Lookup(["a"], found, disk: false);
        cache.Store(["c"], [[3f]], disk: false);

        var after = new float[]?[3];
        cache.Lookup(["a", "b", "c"], after, disk: false);

        Assert.Equal(2, cache.MemoryCount);
        Assert.NotNull(after[0]);
        Assert.Null(after[1]);
        Assert.NotNull(after[2]);
    }

    [Fact]
    public async Task EmbedAsync_ManyCallersAtOnce_EveryoneGetsTheirOwnVectors()
    {
        var embeddings = Create(new CountingProvider());
        var texts = Enumerable.Range(0, 40).Select(i => $"question {i % 10}").ToArray();

        var results = await Task.WhenAll(texts.Select(t => Task.Run(() => embeddings.EmbedAsync([t]))));

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(CountingProvider.VectorOf(texts[i]), results[i][0]);
        }
    }

    [Fact]
    public async Task None_IsDisabled_AndMessagesGetNoVector()
    {
        var none = EmbeddingServiceCollectionExtensions.Create(new EmbeddingOptions { Provider = EmbeddingProvider.None }, new StorageOptions(), _folder.Path);

        Assert.False(none.IsEnabled);
        Assert.Null(none.Generator);
        Assert.Null(await none.EmbedMessageAsync("where is my parcel"));
    }

    private TextEmbeddings Create(CountingProvider provider, int batchSize = 32) =>
        new(provider, "counting", new VectorCache(Path.Combine(_folder.Path, "cache"), 1000), new EmbeddingOptions { BatchSize = batchSize });

    /// <summary>A provider whose vector of a text is derived from the text, and which records every call.</summary>
    private sealed class CountingProvider : IEmbeddingGenerator<string, Embedding<float>>
    {
        public ConcurrentQueue<string> Queue { get; } = new();

        public ConcurrentQueue<int> BatchQueue { get; } = new();

        public List<string> Texts => [.. Queue];

        public List<int> Batches => [.. BatchQueue];

        public bool Fail { get; init; }

        public static float[] VectorOf(string text) => Vectors.Normalized([text.Length, text.Sum(c => c) % 97, 1]);

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null,
            CancellationToken cancellationToken = default)
        {
            if (Fail)
            {
                throw new HttpRequestException("the model is down");
            }

            var texts = values.ToList();
            BatchQueue.Enqueue(texts.Count);
            foreach (var text in texts)
            {
                Queue.Enqueue(text);
            }

            return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(texts.Select(t => new Embedding<float>(VectorOf(t)))));
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
