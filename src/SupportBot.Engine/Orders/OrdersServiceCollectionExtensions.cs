using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using SupportBot.Configuration;

namespace SupportBot.Orders;

internal static class OrdersServiceCollectionExtensions
{
    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

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
        }).AddStandardResilienceHandler().Configure((HttpStandardResilienceOptions resilience, IServiceProvider sp) =>
        {
            // Reads are retried (with jitter) on a transient failure; a return, a cancellation or an address change
            // never is: the shop may have acted on the first attempt. The whole call keeps to Orders:TimeoutSeconds.
            var budget = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<OrdersOptions>>().Value.TimeoutSeconds);
            resilience.TotalRequestTimeout.Timeout = budget;
            resilience.AttemptTimeout.Timeout = budget / 2;
            resilience.Retry.MaxRetryAttempts = 2;
            resilience.Retry.Delay = TimeSpan.FromMilliseconds(100);
            resilience.Retry.DisableForUnsafeHttpMethods();
            resilience.CircuitBreaker.SamplingDuration = Max(resilience.CircuitBreaker.SamplingDuration, budget);
        });
        services.AddKeyedSingleton<IOrderBackend>(OrderBackendKind.Http, (sp, _) => sp.GetRequiredService<HttpOrderBackend>());
        services.AddSingleton<IOrderBackend>(ChosenBackend);
        services.AddSingleton<VerificationLimiter>();
        services.AddSingleton<OrderAccess>();
        services.AddSingleton<OrderDialog>();
        services.AddSingleton<KernelPlugin>(sp => KernelPluginFactory.CreateFromObject(ActivatorUtilities.CreateInstance<OrdersPlugin>(sp), OrdersPlugin.PluginName));
        return services;
    }

    /// <summary>
    /// The order backend for the value of <c>Orders:Backend</c> that is added under it as a keyed service: the shop's
    /// own over HTTP (added here) or the demo store (<c>AddDemoStore</c> of SupportBot.DemoStore).
    /// </summary>
    private static IOrderBackend ChosenBackend(IServiceProvider services)
    {
        var kind = services.GetRequiredService<IOptions<OrdersOptions>>().Value.Backend;
        return services.GetKeyedService<IOrderBackend>(kind) ?? throw new InvalidOperationException(
            $"Orders:Backend is {kind}, but no order backend of that kind is added: the demo store comes with SupportBot.DemoStore (services.AddDemoStore()).");
    }
}
