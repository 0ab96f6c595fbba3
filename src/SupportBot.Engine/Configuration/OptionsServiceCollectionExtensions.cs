using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SupportBot.Configuration;

internal static class OptionsServiceCollectionExtensions
{
    /// <summary>Binds a configuration section and validates it at start-up, so a bad setting stops the host with its key named.</summary>
    public static IServiceCollection AddValidatedOptions<TOptions>(this IServiceCollection services, string sectionName)
        where TOptions : class
    {
        services.AddOptions<TOptions>().BindConfiguration(sectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>>(new SectionValidator<TOptions>(sectionName));
        return services;
    }
}
