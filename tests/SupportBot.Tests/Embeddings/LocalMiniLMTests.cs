using SupportBot.Embeddings;
using SupportBot.Tests.Support;

namespace SupportBot.Tests.Embeddings;

/// <summary>The packaged model itself (loaded once per test run and shared).</summary>
[Trait(TestCategories.Key, TestCategories.Unit)]
public sealed class LocalMiniLMTests
{
    [Fact]
    public async Task GenerateAsync_Texts_UnitVectorsOf384WhereMeaningIsClose()
    {
        using var generator = new LocalMiniLMGenerator();

        var vectors = (await generator.GenerateAsync(["where is my parcel", "How can I track my order?", "what is the capital of australia"]))
            .Select(e => e.Vector.ToArray()).ToList();

        Assert.All(vectors, v => Assert.Equal(LocalMiniLMGenerator.Dimensions, v.Length));
        Assert.All(vectors, v => Assert.InRange(Vectors.Cosine(v, v), 0.999f, 1.001f));
        Assert.True(Vectors.Cosine(vectors[0], vectors[1]) > Vectors.Cosine(vectors[0], vectors[2]) + 0.2f);
    }

    [Fact]
    public async Task GenerateAsync_ManyThreads_SameVectorsAsOneByOne()
    {
        using var generator = new LocalMiniLMGenerator();
        var texts = new[] { "can i get a refund", "do you ship to canada", "my sweater is too small", "hello" };
        var alone = new List<float[]>();
        foreach (var text in texts)
        {
            alone.Add((await generator.GenerateAsync([text]))[0].Vector.ToArray());
        }

        var together = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () => (i, (await generator.GenerateAsync([texts[i % 4]]))[0].Vector.ToArray()))));

        foreach (var (i, vector) in together)
        {
            Assert.True(Vectors.Cosine(alone[i % 4], vector) > 0.9999f);
        }
    }
}
