using SupportBot.Configuration;

namespace SupportBot.Host.Branding;

internal static class BrandingServiceCollectionExtensions
{
    public static IServiceCollection AddBranding(this IServiceCollection services)
    {
        services.AddValidatedOptions<BrandingOptions>(BrandingOptions.SectionName);
        services.AddSingleton<BrandingSource>();
        return services;
    }
}
