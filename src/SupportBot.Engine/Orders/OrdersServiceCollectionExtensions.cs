using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using SupportBot.Configuration;

namespace SupportBot.Orders;

public static class OrdersServiceCollectionExtensions
{
    /// <summary>The order backend chosen by <c>Orders:Backend</c>, the verification door, the flows, and their kernel functions.</summary>
    public static IServiceCollection AddOrders(this IServiceCollection services)
    {
        services.AddValidatedOptions<OrdersOptions>(OrdersOptions.SectionName);
        services.AddHttpClient<HttpOrderBackend>((sp, http) =>
        {
            var options = sp.GetRequiredService<IOptions<OrdersOptions>>().Value;
            if (options.BaseUrl is { } baseUrl)
            {
                http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
            }

            if (!string.IsNullOrEmpty(options.ApiKey))
            {
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
            }

            http.Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        });
        services.AddSingleton<DemoOrderBackend>();
        services.AddSingleton<IOrderBackend>(sp => sp.GetRequiredService<IOptions<OrdersOptions>>().Value.Backend == OrderBackendKind.Http
            ? sp.GetRequiredService<HttpOrderBackend>()
            : sp.GetRequiredService<DemoOrderBackend>());
        services.AddSingleton<VerificationLimiter>();
        services.AddSingleton<OrderAccess>();
        services.AddSingleton<OrderDialog>();
        services.AddSingleton<KernelPlugin>(sp => KernelPluginFactory.CreateFromObject(ActivatorUtilities.CreateInstance<OrdersPlugin>(sp), OrdersPlugin.PluginName));
        return services;
    }
}
