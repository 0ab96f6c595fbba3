using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;
using SupportBot.Configuration;

namespace SupportBot.Drafting;

internal static class DraftingServiceCollectionExtensions
{
    /// <summary>The named HTTP client the model is called through, with its timeouts, retries and circuit breaker.</summary>
    public const string ModelHttpClient = "SupportBot.Drafting.Model";

    /// <summary>
    /// Registers the Semantic Kernel (with the knowledge and shopper plugins), the chat completion service chosen by
    /// <c>Drafting:Provider</c>, and the <see cref="ReplyDrafter"/> every turn uses.
    /// </summary>
    public static IServiceCollection AddDrafting(this IServiceCollection services)
    {
        services.AddValidatedOptions<DraftingOptions>(DraftingOptions.SectionName);
        services.AddSingleton<LocalChatCompletionService>();
        var kernel = services.AddKernel();
        kernel.Plugins.AddFromType<KnowledgePlugin>(KnowledgePlugin.PluginName);
        kernel.Plugins.AddFromType<ShopperPlugin>(ShopperPlugin.PluginName);
        services.AddSingleton<IChatCompletionService>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DraftingOptions>>().Value;
            return options.Provider == DraftingProvider.OpenAI
                ? new OpenAIChatCompletionService(options.OpenAI.Model!, ModelClient(sp, options), sp.GetService<ILoggerFactory>())
                : sp.GetRequiredService<LocalChatCompletionService>();
        });
        services.AddHttpClient(ModelHttpClient).AddResilienceHandler("model", (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<DraftingOptions>>().Value;
            options.OpenAI.AddResilience(pipeline, options.BudgetSeconds);
        });
        services.AddSingleton<ReplyDrafter>();
        return services;
    }

    /// <summary>
    /// An OpenAI client for any compatible endpoint, sending through the resilient HTTP client: its own retries are
    /// off so that one policy (ours) decides how often a slow model is tried.
    /// </summary>
    private static OpenAIClient ModelClient(IServiceProvider services, DraftingOptions options)
    {
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = new Uri(options.OpenAI.Endpoint!),
            Transport = new HttpClientPipelineTransport(services.GetRequiredService<IHttpClientFactory>().CreateClient(ModelHttpClient)),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = TimeSpan.FromSeconds(options.BudgetSeconds),
        };

        // Local servers (Ollama, vLLM) take no key, but the client insists on one; they ignore the header.
        var key = string.IsNullOrWhiteSpace(options.OpenAI.ApiKey) ? "no-key" : options.OpenAI.ApiKey;
        return new OpenAIClient(new ApiKeyCredential(key), clientOptions);
    }
}
