using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SupportBot.Knowledge;
using SupportBot.Storage;
using SupportBot.Understanding.Intents;

namespace SupportBot.Host.Observability;

/// <summary>
/// Standard health checks: <c>/healthz</c> says the process answers (liveness: no check runs); <c>/readyz</c> says it can
/// serve shoppers — the store answers, the knowledge index and the intent model are loaded (checks tagged
/// <see cref="Ready"/>) — with 503 until then.
/// </summary>
internal static class HealthEndpoints
{
    public const string Ready = "ready";

    public static IServiceCollection AddHealthEndpoints(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", tags: [Ready], timeout: TimeSpan.FromSeconds(3))
            .AddCheck<KnowledgeHealthCheck>("knowledge", tags: [Ready])
            .AddCheck<IntentModelHealthCheck>("intents", tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = (http, _) => http.Response.WriteAsync("ok"),
        }).WithName("Health");
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(Ready),
            ResponseWriter = WriteReadinessAsync,
        }).WithName("Ready");
        return app;
    }

    /// <summary>What editors and operators read: the knowledge version and size, the intent model, and each check.</summary>
    private static Task WriteReadinessAsync(HttpContext http, HealthReport report)
    {
        var knowledge = http.RequestServices.GetRequiredService<LiveKnowledge>();
        var intents = http.RequestServices.GetRequiredService<LiveIntents>();
        var status = knowledge.Status;
        var body = new
        {
            status = report.Status == HealthStatus.Healthy ? "ready" : "starting",
            knowledge = new { status.Version, status.Entries, status.LoadedAt },
            intents = intents.IsLoaded ? new { intents.Current.Info.Hash, Intents = intents.Current.Info.Intents.Count } : null,
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString().ToLowerInvariant(), description = e.Value.Description }),
        };
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }

    private sealed class StoreHealthCheck(Database database) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT 1";
                await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                return HealthCheckResult.Healthy($"{database.Provider} answers");
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or TimeoutException or System.Net.Sockets.SocketException)
            {
                // The reason stays in the server's log; the probe's reader learns only that the store does not answer.
                return HealthCheckResult.Unhealthy($"{database.Provider} does not answer", ex);
            }
        }
    }

    private sealed class KnowledgeHealthCheck(LiveKnowledge knowledge) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(knowledge.IsLoaded ? HealthCheckResult.Healthy("index loaded") : HealthCheckResult.Unhealthy("index loading"));
    }

    private sealed class IntentModelHealthCheck(LiveIntents intents) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(intents.IsLoaded ? HealthCheckResult.Healthy("model loaded") : HealthCheckResult.Unhealthy("model loading"));
    }
}
