using System.Net;
using Microsoft.AspNetCore.Authentication;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SupportBot.Host.Agents;
using SupportBot.Telemetry;

namespace SupportBot.Host.Observability;

/// <summary>
/// OpenTelemetry for the server: the product's spans and metrics (<see cref="BotTelemetry"/>), ASP.NET Core, outbound
/// HTTP, Npgsql and the runtime; Prometheus text on <c>/metrics</c>; OTLP too when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set
/// (the standard OpenTelemetry variables choose protocol, headers and service name).
/// </summary>
internal static class Observability
{
    public const string MetricsPath = "/metrics";

    /// <summary>Requests that are not worth a span: scrapes and probes, every few seconds.</summary>
    private static readonly string[] Unsampled = [MetricsPath, "/healthz", "/readyz"];

    public static IServiceCollection AddObservability(this IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("supportbot"))
            .WithMetrics(metrics => metrics
                .AddMeter(BotTelemetry.Name, "Npgsql")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            // Spans only where they can go: recorded with nowhere to send them they cost every turn and show nothing.
            telemetry.WithTracing(tracing => tracing
                    .AddSource(BotTelemetry.Name)
                    .AddAspNetCoreInstrumentation(http => http.Filter = context => !Unsampled.Contains(context.Request.Path.Value, StringComparer.Ordinal))
                    .AddHttpClientInstrumentation()
                    .AddNpgsql())
                .UseOtlpExporter();
        }

        return services;
    }

    /// <summary>
    /// <c>/metrics</c> in Prometheus text: for a scraper on this machine, or a signed-in agent (or the API key) from
    /// anywhere else. A request a proxy forwarded is not local, whatever address it came from.
    /// </summary>
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (http, next) =>
        {
            if (IsLocalScrape(http) || (await http.AuthenticateAsync(AgentAuthentication.Scheme).ConfigureAwait(false)).Succeeded)
            {
                await next(http).ConfigureAwait(false);
                return;
            }

            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails =
                {
                    Status = StatusCodes.Status401Unauthorized,
                    Title = "Sign in first",
                    Detail = "Metrics are served to a scraper on this machine, or to a signed-in agent or the X-Api-Key header.",
                },
            }).ConfigureAwait(false);
        }), optionsName: null);
        return app;
    }

    private static bool IsLocalScrape(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
        && !http.Request.Headers.ContainsKey("X-Forwarded-For") && !http.Request.Headers.ContainsKey("Forwarded");
}
