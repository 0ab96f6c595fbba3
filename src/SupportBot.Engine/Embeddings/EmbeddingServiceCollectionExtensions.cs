using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Configuration;
using SupportBot.Storage;

namespace SupportBot.Embeddings;

internal static class EmbeddingServiceCollectionExtensions
{
    /// <summary>The named HTTP client an OpenAI-compatible embeddings endpoint is called through.</summary>
    public const string EmbeddingHttpClient = "SupportBot.Embeddings.Model";

    /// <summary>
    /// Binds and validates <c>Embeddings</c> settings and registers <see cref="TextEmbeddings"/> (and, unless the
    /// provider is <c>None</c>, the same cached generator as <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>).
    /// </summary>
    public static IServiceCollection AddEmbeddings(this IServiceCollection services)
    {
        services.AddValidatedOptions<EmbeddingOptions>(EmbeddingOptions.SectionName);
        services.AddSingleton(sp => Create(
            sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value,
            sp.GetRequiredService<IOptions<StorageOptions>>().Value,
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath,
            () => sp.GetRequiredService<IHttpClientFactory>().CreateClient(EmbeddingHttpClient),
            sp.GetService<ILogger<TextEmbeddings>>()));
        services.AddSingleton(sp => sp.GetRequiredService<TextEmbeddings>().Generator ?? new DisabledEmbeddingGenerator());
        services.AddHostedService<EmbeddingWarmUp>();
        services.AddHttpClient(EmbeddingHttpClient).AddResilienceHandler("embeddings", (pipeline, context) =>
        {
            var model = context.ServiceProvider.GetRequiredService<IOptions<EmbeddingOptions>>().Value.OpenAI;
            model.AddResilience(pipeline, model.BudgetSeconds);
        });
        return services;
    }

    /// <summary>The service for these settings (the CLI's offline verbs build one without a host).</summary>
    public static TextEmbeddings Create(EmbeddingOptions options, StorageOptions storage, string contentRoot, Func<HttpClient>? http = null,
        ILogger<TextEmbeddings>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        if (options.Provider == EmbeddingProvider.None)
        {
            return TextEmbeddings.None;
        }

        var folder = string.IsNullOrWhiteSpace(options.CachePath)
            ? Path.Combine(storage.DataFolder(contentRoot), "embeddings")
            : Path.GetFullPath(options.CachePath, contentRoot);
        var cache = new VectorCache(folder, options.MemoryCacheEntries);
        if (options.Provider == EmbeddingProvider.OpenAI)
        {
            var model = options.OpenAI;
            var client = http?.Invoke() ?? new HttpClient { Timeout = TimeSpan.FromSeconds(model.BudgetSeconds) };
            var id = $"openai|{model.Endpoint?.TrimEnd('/')}|{model.Model}|{model.Dimensions}";
            return new TextEmbeddings(new OpenAIEmbeddingGenerator(client, model), id, cache, options, logger);
        }

        return new TextEmbeddings(new LocalMiniLMGenerator(), LocalMiniLMGenerator.ModelId, cache, options, logger);
    }

    /// <summary>Loads the packaged model in the background at start, so the first shopper does not wait for it.</summary>
    private sealed class EmbeddingWarmUp(IOptions<EmbeddingOptions> options) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (options.Value.Provider == EmbeddingProvider.Local)
            {
                _ = Task.Run(LocalMiniLMGenerator.Warm, CancellationToken.None);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>What <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> resolves to with <c>Embeddings:Provider=None</c>.</summary>
    private sealed class DisabledEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
    {
        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null,
            CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("Embeddings are off (Embeddings:Provider is None).");

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
