using SupportBot.Knowledge;

namespace SupportBot.Host.Server;

/// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: it can answer shoppers (the knowledge is loaded).</summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok")).WithName("Health").ExcludeFromDescription();
        app.MapGet("/readyz", (LiveKnowledge knowledge) =>
        {
            var status = knowledge.Status;
            var body = new { status = knowledge.IsLoaded ? "ready" : "starting", knowledge = new { status.Version, status.Entries, status.LoadedAt } };
            return knowledge.IsLoaded ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).WithName("Ready");
        return app;
    }
}
