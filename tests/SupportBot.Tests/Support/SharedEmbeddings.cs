using SupportBot.Embeddings;
using SupportBot.Knowledge;
using SupportBot.Knowledge.Search;
using SupportBot.Storage;

namespace SupportBot.Tests.Support;

/// <summary>
/// The packaged model behind the test run's shared vector cache, and the shipped knowledge indexed with it: built once
/// per test run, whichever test asks first.
/// </summary>
internal static class SharedEmbeddings
{
    public static readonly KnowledgeBase Shipped = new KnowledgeLoader(new KnowledgeOptions()).Load(RepoPaths.Knowledge);

    private static readonly Lazy<TextEmbeddings> LocalService = new(() => EmbeddingServiceCollectionExtensions.Create(
        new EmbeddingOptions { CachePath = SharedEmbeddingCache.Path }, new StorageOptions(), RepoPaths.Root));

    private static readonly Lazy<Task<KnowledgeIndex>> ShippedIndex = new(() =>
        KnowledgeIndex.BuildAsync(Shipped, new SearchOptions(), Local));

    public static TextEmbeddings Local => LocalService.Value;

    /// <summary>The shipped knowledge, hybrid (never disposed: the test run shares it).</summary>
    public static Task<KnowledgeIndex> ShippedHybridAsync() => ShippedIndex.Value;
}
