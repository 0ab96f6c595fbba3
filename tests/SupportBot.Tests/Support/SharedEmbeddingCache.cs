using System.Runtime.CompilerServices;

namespace SupportBot.Tests.Support;

/// <summary>
/// One vector cache for every host of the test run, in process or started as a child process (which inherits the
/// environment): the shipped knowledge and training data are embedded once, not once per data folder. The cache is
/// keyed by model and text, so sharing it across runs is safe.
/// </summary>
internal static class SharedEmbeddingCache
{
    public static readonly string Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "supportbot-tests", "embeddings");

    [ModuleInitializer]
    internal static void Use()
    {
        if (Environment.GetEnvironmentVariable("Embeddings__CachePath") is null)
        {
            Environment.SetEnvironmentVariable("Embeddings__CachePath", Path);
        }
    }
}
