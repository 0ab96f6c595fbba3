using Microsoft.Extensions.DependencyInjection;
using SupportBot.Orders;

namespace SupportBot.DemoStore;

internal static class DemoStoreServiceCollectionExtensions
{
    /// <summary>The demo store, as the order backend <c>Orders:Backend</c> = <c>Demo</c> chooses.</summary>
    public static IServiceCollection AddDemoStore(this IServiceCollection services)
    {
        services.AddSingleton<DemoOrderBackend>();
        services.AddKeyedSingleton<IOrderBackend>(OrderBackendKind.Demo, (sp, _) => sp.GetRequiredService<DemoOrderBackend>());
        return services;
    }
}
