using Microsoft.Extensions.DependencyInjection;

namespace SupportBot.Insights.Kpis;

internal static class KpiServiceCollectionExtensions
{
    /// <summary>The KPIs over the configured store (<see cref="KpiCalculator"/>).</summary>
    public static IServiceCollection AddKpis(this IServiceCollection services) => services.AddSingleton<KpiCalculator>();
}
