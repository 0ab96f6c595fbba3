using Microsoft.Extensions.DependencyInjection;
using SupportBot.Configuration;

namespace SupportBot.Insights.Gaps;

internal static class GapServiceCollectionExtensions
{
    /// <summary>The content-gap report over the stored transcripts (<c>Insights:Gaps</c> settings).</summary>
    public static IServiceCollection AddContentGaps(this IServiceCollection services)
    {
        services.AddValidatedOptions<GapOptions>(GapOptions.SectionName);
        services.AddSingleton<IGapCandidateSource, TranscriptGapCandidates>();
        services.AddSingleton<GapReportBuilder>();
        return services;
    }
}
