using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SupportBot.Configuration;

namespace SupportBot.Languages;

internal static class LanguageServiceCollectionExtensions
{
    /// <summary>Binds and validates <c>Languages</c> settings, registers the detector and the resolver, and loads the models at start.</summary>
    public static IServiceCollection AddLanguages(this IServiceCollection services)
    {
        services.AddValidatedOptions<LanguageOptions>(LanguageOptions.SectionName);
        services.AddSingleton<ILanguageDetector, LinguaDetector>();
        services.AddSingleton<LanguageResolver>();
        services.AddSingleton<IHostedService, LanguagePreload>();
        return services;
    }

    /// <summary>
    /// Loads the language models in the background as the host starts (seconds, docs/LANGUAGES.md), so the first
    /// shopper who writes a sentence does not wait for them; start-up itself does not wait either.
    /// </summary>
    private sealed class LanguagePreload(ILanguageDetector detector) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = detector.LoadAsync();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
