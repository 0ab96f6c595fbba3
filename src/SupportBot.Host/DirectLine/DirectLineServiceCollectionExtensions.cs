using SupportBot.Configuration;

namespace SupportBot.Host.DirectLine;

internal static class DirectLineServiceCollectionExtensions
{
    public static IServiceCollection AddDirectLine(this IServiceCollection services)
    {
        services.AddValidatedOptions<DirectLineOptions>(DirectLineOptions.SectionName);
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineStreams>();
        services.AddSingleton<StreamKeepAlive>();
        services.AddSingleton<DirectLineConversations>();
        services.AddCors(cors => cors.AddPolicy(DirectLineApi.CorsPolicy, policy => policy
            .AllowAnyOrigin()
            .AllowAnyHeader()
            .AllowAnyMethod()
            .SetPreflightMaxAge(TimeSpan.FromHours(2))));
        return services;
    }
}
